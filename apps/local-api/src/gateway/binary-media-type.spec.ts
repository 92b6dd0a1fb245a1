import { isBinaryMediaType } from './binary-media-type.js';

describe('isBinaryMediaType', () => {
  it('is never true without binary media types (the deployed configuration)', () => {
    expect(isBinaryMediaType('image/png', [])).toBe(false);
    expect(isBinaryMediaType('*/*', [])).toBe(false);
  });

  it('matches exact types and type/* or */* entries, ignoring case and parameters', () => {
    expect(isBinaryMediaType('image/png', ['image/png'])).toBe(true);
    expect(isBinaryMediaType('Image/PNG; q=0.9', ['image/png'])).toBe(true);
    expect(isBinaryMediaType('image/webp', ['image/*'])).toBe(true);
    expect(isBinaryMediaType('text/plain', ['*/*'])).toBe(true);
    expect(isBinaryMediaType('text/plain', ['image/*'])).toBe(false);
  });

  it('reads only the first Accept entry, as API Gateway does', () => {
    expect(isBinaryMediaType('application/json, image/png', ['image/png'])).toBe(false);
    expect(isBinaryMediaType('image/png, application/json', ['image/png'])).toBe(true);
  });

  it('is false for a missing or empty media type', () => {
    expect(isBinaryMediaType(undefined, ['*/*'])).toBe(false);
    expect(isBinaryMediaType('', ['*/*'])).toBe(false);
  });
});
