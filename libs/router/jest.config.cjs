module.exports = {
  displayName: 'router',
  preset: '../../jest.preset.js',
  // test-dist/ exercises the built package; the test target depends on build.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test-dist/**/*.spec.ts'],
};
