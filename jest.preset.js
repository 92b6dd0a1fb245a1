// Shared Jest preset: every project's jest.config.cjs extends this.
// Sources are ESM TypeScript (`.js` suffixes on relative imports); @swc/jest compiles them to
// CommonJS for Jest, and the `@tollgate/source` condition resolves workspace packages to
// their `src/` so tests never depend on a prior build.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[cm]?ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironmentOptions: { customExportConditions: ['@tollgate/source', 'node'] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageReporters: ['text-summary', 'html'],
};
