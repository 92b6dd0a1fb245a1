// eslint-disable-next-line @nx/enforce-module-boundaries -- the workspace's own config, not a project
import baseConfig, { depConstraints } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The README example imports the package by its published name, as a consumer would.
    files: ['examples/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: ['@tollgate/router'], depConstraints },
      ],
    },
  },
];
