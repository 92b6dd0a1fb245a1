// The generator's end-to-end test (a scratch copy of the workspace, real Nx, CDK and local API
// runs): `nx run nx-plugin:e2e`. Minutes on a busy machine, hence the wide limit.
module.exports = {
  displayName: 'nx-plugin-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
  testTimeout: 1_800_000,
};
