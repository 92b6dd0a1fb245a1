module.exports = {
  displayName: 'key-tools',
  preset: '../../jest.preset.js',
};
