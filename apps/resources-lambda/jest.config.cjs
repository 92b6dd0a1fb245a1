module.exports = {
  displayName: 'resources-lambda',
  preset: '../../jest.preset.js',
};
