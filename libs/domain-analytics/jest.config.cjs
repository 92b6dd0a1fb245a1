module.exports = {
  displayName: 'domain-analytics',
  preset: '../../jest.preset.js',
};
