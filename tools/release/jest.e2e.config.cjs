// Tests of the published packages as a consumer gets them: `nx run release-tools:e2e`.
module.exports = {
  displayName: 'release-tools-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
  testTimeout: 300_000,
};
