module.exports = {
  displayName: 'key-tools',
  preset: '../../jest.preset.js',
  // Sharding and checking thousands of keys takes seconds on a busy machine: not Jest's default 5.
  testTimeout: 120_000,
};
