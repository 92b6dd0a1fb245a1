module.exports = {
  displayName: 'domain-registry',
  preset: '../../jest.preset.js',
};
