module.exports = {
  displayName: 'runtime-kit',
  preset: '../../jest.preset.js',
};
