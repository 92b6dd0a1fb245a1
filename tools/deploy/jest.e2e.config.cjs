// The slow tests (a scratch git repository, real Nx and CDK runs): `nx run deploy-tools:e2e`.
module.exports = {
  displayName: 'deploy-tools-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
  testTimeout: 600_000,
};
