module.exports = {
  displayName: 'authorizer-lambda',
  preset: '../../jest.preset.js',
};
