// End-to-end tests (target `e2e`): they start the real local API, so they need the built
// Lambda bundles and stay out of the unit `test` target.
module.exports = {
  displayName: 'local-api-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 30_000,
};
