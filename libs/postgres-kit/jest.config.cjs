module.exports = {
  displayName: 'postgres-kit',
  preset: '../../jest.preset.js',
};
