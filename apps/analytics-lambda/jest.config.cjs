module.exports = {
  displayName: 'analytics-lambda',
  preset: '../../jest.preset.js',
};
