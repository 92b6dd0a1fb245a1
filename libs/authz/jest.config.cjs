module.exports = {
  displayName: 'authz',
  preset: '../../jest.preset.js',
};
