module.exports = {
  displayName: 'path-grammar',
  preset: '../../jest.preset.js',
};
