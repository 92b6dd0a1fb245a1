module.exports = {
  displayName: 'local-api',
  preset: '../../jest.preset.js',
};
