import { randomBytes } from 'node:crypto';

/**
 * Tollgate's own key format: `tg_live_` or `tg_test_`, 32 random base62 characters (190 bits)
 * and 6 base62 characters of the CRC32 of those 32. The prefix lets secret scanners find a
 * leaked key; the checksum lets the authorizer reject a mistyped or forged key before any
 * lookup. Keys in any other format are unaffected.
 */
export type ApiKeyEnvironment = 'live' | 'test';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PREFIX_LENGTH = 'tg_live_'.length;
const BODY_LENGTH = 32;
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32: every CRC32 fits
export const API_KEY_LENGTH = PREFIX_LENGTH + BODY_LENGTH + CHECKSUM_LENGTH;

/** A new key for the environment; `random` (default `crypto.randomBytes`) is only replaced in tests. */
export function generateApiKey(environment: ApiKeyEnvironment, random: (size: number) => Uint8Array = randomBytes): string {
  let body = '';
  while (body.length < BODY_LENGTH) {
    for (const byte of random(BODY_LENGTH)) {
      // 248 = 4 × 62: taking only bytes below it keeps every character equally likely.
      if (byte < 248 && body.length < BODY_LENGTH) body += BASE62.charAt(byte % 62);
    }
  }
  return `tg_${environment}_${body}${checksumOf(body, 0, BODY_LENGTH)}`;
}

/** Whether the string claims the format (its prefix); only such keys are checked. */
export function hasApiKeyPrefix(key: string): boolean {
  // Every request runs this: the first characters rule out most other keys before any call.
  return (
    key.charCodeAt(0) === T &&
    key.charCodeAt(1) === G &&
    key.charCodeAt(2) === UNDERSCORE &&
    (key.startsWith('live_', 3) || key.startsWith('test_', 3))
  );
}

const T = 0x74;
const G = 0x67;
const UNDERSCORE = 0x5f;

/**
 * Whether a key claiming the format (`hasApiKeyPrefix`) is well formed: its length, its
 * characters and its checksum. Allocates nothing: the decision path runs it on every request.
 */
export function hasValidChecksum(key: string): boolean {
  if (key.length !== API_KEY_LENGTH || !hasApiKeyPrefix(key)) return false;
  // One pass over the body: its characters checked and its CRC computed; the checksum
  // characters are checked by the comparison with the expected digits.
  let crc = -1;
  for (let i = PREFIX_LENGTH; i < PREFIX_LENGTH + BODY_LENGTH; i++) {
    const code = key.charCodeAt(i);
    if ((BASE62_VALUE[code] ?? -1) < 0) return false;
    crc = (CRC_TABLE[(crc ^ code) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  let value = ~crc >>> 0;
  for (let i = API_KEY_LENGTH - 1; i >= API_KEY_LENGTH - CHECKSUM_LENGTH; i--) {
    if (key.charCodeAt(i) !== BASE62.charCodeAt(value % 62)) return false;
    value = Math.floor(value / 62);
  }
  return true;
}

function checksumOf(text: string, from: number, to: number): string {
  let value = crc32(text, from, to);
  let digits = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    digits = BASE62.charAt(value % 62) + digits;
    value = Math.floor(value / 62);
  }
  return digits;
}

/** CRC-32 (IEEE 802.3, as zlib computes it) of the ASCII characters `text[from..to)`. */
function crc32(text: string, from: number, to: number): number {
  // -1, not 0xffffffff: the register stays a small integer, which keeps the loop in int32 arithmetic.
  let crc = -1;
  for (let i = from; i < to; i++) crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** Char code → base62 digit value, -1 for any other character. */
const BASE62_VALUE = Int8Array.from({ length: 128 }, (_, code) => BASE62.indexOf(String.fromCharCode(code)));

/** The CRC-32 lookup table. */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
