import { hashedKeyName, usageIdentifierOf } from './key-names.js';

describe('usageIdentifierOf', () => {
  it('is tgu_ and 40 hex characters of the key’s sha256, the same from the key or its stored name', () => {
    const key = 'sk_live_abc123';
    const id = usageIdentifierOf(key);
    expect(id).toBe(`tgu_${hashedKeyName(key).slice(7, 47)}`);
    expect(usageIdentifierOf(hashedKeyName(key))).toBe(id);
    expect(usageIdentifierOf(hashedKeyName(key).toUpperCase().replace('SHA256', 'sha256'))).toBe(id);
    expect(id.length).toBeGreaterThanOrEqual(30);
    expect(id.length).toBeLessThanOrEqual(128);
    expect(id).not.toContain(key);
  });
});
