import nx from '@nx/eslint-plugin';

// Tags (set in each project's package.json "nx.tags") encode docs/design.md's dependency rules:
//   type:app | type:lib | type:tool  apps and tools depend on libs only; libs never on apps
//   publishable                    router and authz: no workspace dependency at all
//   scope:domain                   a domain lib may use the router, never another domain or authz
//   scope:infra                    the CDK app knows domains only through the registry
//   lib:runtime-kit                what every Lambda runs on: knows no domain, no authz, no infra config
//   lib:postgres-kit               a domain's PostgreSQL plumbing: the same, plus the runtime kit
export const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'publishable', notDependOnLibsWithTags: ['type:lib', 'type:app'] },
  { sourceTag: 'scope:domain', notDependOnLibsWithTags: ['scope:domain', 'lib:authz'] },
  { sourceTag: 'scope:infra', notDependOnLibsWithTags: ['scope:domain', 'lib:router', 'lib:authz'] },
  { sourceTag: 'lib:runtime-kit', notDependOnLibsWithTags: ['scope:domain', 'lib:authz', 'lib:platform-config', 'lib:registry'] },
  { sourceTag: 'lib:postgres-kit', notDependOnLibsWithTags: ['scope:domain', 'lib:authz', 'lib:platform-config', 'lib:registry'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/cdk.out', '**/node_modules', '**/coverage', '**/tmp'],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.preset.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
