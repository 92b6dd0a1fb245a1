module.exports = {
  displayName: 'domain-resources',
  preset: '../../jest.preset.js',
};
