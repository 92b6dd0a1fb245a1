import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { API_KEY_LENGTH, generateApiKey, hasApiKeyPrefix, hasValidChecksum } from './api-key-format.js';

const BASE62 = /^[0-9A-Za-z]+$/;

/** The checksum as an independent implementation computes it: zlib's CRC-32 of the body, 6 base62 digits. */
function expectedChecksum(body: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let value = crc32(body);
  let digits = '';
  for (let i = 0; i < 6; i++) {
    digits = alphabet.charAt(value % 62) + digits;
    value = Math.floor(value / 62);
  }
  return digits;
}

describe('Tollgate API keys', () => {
  it('are tg_live_/tg_test_, 32 base62 characters (≥ 160 random bits) and the CRC-32 of those in 6 base62 characters', () => {
    for (const environment of ['live', 'test'] as const) {
      const key = generateApiKey(environment);
      expect(key).toHaveLength(API_KEY_LENGTH);
      expect(key.startsWith(`tg_${environment}_`)).toBe(true);
      const body = key.slice(8, 40);
      expect(body).toMatch(BASE62);
      expect(32 * Math.log2(62)).toBeGreaterThanOrEqual(160);
      expect(key.slice(40)).toBe(expectedChecksum(body));
      expect(hasValidChecksum(key)).toBe(true);
    }
  });

  it('draws every body character uniformly from the random bytes, skipping bytes ≥ 248', () => {
    const bytes = [255, 248, ...Array.from({ length: 40 }, (_, i) => i * 6)];
    const key = generateApiKey('test', (size) => Uint8Array.from(bytes.splice(0, size)));
    // 0 → '0', 6 → '6', 12 → 'C', … : bytes 255 and 248 were skipped.
    expect(key.slice(8, 12)).toBe('06CI');
    expect(hasValidChecksum(key)).toBe(true);
  });

  it('are different every time', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey('live')));
    expect(keys.size).toBe(1000);
  });

  it('fail the checksum when any one character is changed', () => {
    const key = generateApiKey('live');
    fc.assert(
      fc.property(fc.integer({ min: 8, max: API_KEY_LENGTH - 1 }), fc.constantFrom(...'0aZ9_-!'), (at, replacement) => {
        fc.pre(key.charAt(at) !== replacement);
        expect(hasValidChecksum(key.slice(0, at) + replacement + key.slice(at + 1))).toBe(false);
      }),
    );
  });

  it('fail when too short, too long, or with another prefix', () => {
    const key = generateApiKey('test');
    for (const bad of [key.slice(0, -1), `${key}0`, key.replace('tg_test_', 'tg_prod_'), key.replace('tg_test_', 'tg_live_x').slice(0, API_KEY_LENGTH), '']) {
      expect(hasValidChecksum(bad)).toBe(false);
    }
  });

  it('are recognised by their prefix alone', () => {
    expect(hasApiKeyPrefix('tg_live_anything')).toBe(true);
    expect(hasApiKeyPrefix('tg_test_')).toBe(true);
    expect(hasApiKeyPrefix('sk_live_abc123')).toBe(false);
    expect(hasApiKeyPrefix('TG_LIVE_abc')).toBe(false);
  });
});
