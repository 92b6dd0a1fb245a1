module.exports = {
  displayName: 'deploy-tools',
  preset: '../../jest.preset.js',
};
