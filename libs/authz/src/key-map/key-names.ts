import { createHash, hash } from 'node:crypto';

export const HASHED_KEY_PREFIX = 'sha256:';

/** A stored hashed key name: `sha256:` and 64 hex characters (lower case in a v2 map). */
export const HASHED_KEY_NAME = /^sha256:[0-9a-fA-F]{64}$/;

/** Longest string treated as a possible key; longer ones are never looked up or hashed. */
export const MAX_KEY_LENGTH = 256;

/**
 * Names that would resolve to something on a plain object (`__proto__`, `constructor`,
 * `toString`, `hasOwnProperty`, …). Key maps are `Map`s already; this explicit guard keeps
 * such names unknown keys even if a lookup structure ever changes.
 */
const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
]);
// Real keys are longer than any such name, so the set is only consulted for short strings.
const LONGEST_PROTOTYPE_NAME = Math.max(...[...OBJECT_PROTOTYPE_NAMES].map((name) => name.length));

export function isObjectPrototypeName(name: string): boolean {
  return name.length <= LONGEST_PROTOTYPE_NAME && OBJECT_PROTOTYPE_NAMES.has(name);
}

/** Whether a presented header value may be a key at all (a `sha256:` string is a stored form, not a key). */
export function isPresentableKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= MAX_KEY_LENGTH &&
    !key.startsWith(HASHED_KEY_PREFIX) &&
    !isObjectPrototypeName(key)
  );
}

// crypto.hash (Node ≥ 20.12) is about twice as fast as createHash for short strings; the
// fallback keeps older runtimes working.
const sha256 = typeof hash === 'function' ? (value: string) => hash('sha256', value, 'hex') : (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export function sha256Hex(value: string): string {
  return sha256(value);
}

/** What logs show instead of a key: the first 8 hex characters of its sha256. */
export function keyFingerprint(key: string): string {
  return sha256Hex(key).slice(0, 8);
}

/** The stored form of a key: `sha256:<hex>`, what an operator puts in the secret. */
export function hashedKeyName(key: string): string {
  return HASHED_KEY_PREFIX + sha256Hex(key);
}

/**
 * The non-secret identifier API Gateway counts a key's usage under (the authorizer's
 * `usageIdentifierKey`): `tgu_` and 40 hex characters of the key's sha256. It is derived from
 * the stored name, so a tool holding only the hashed map can register it in a usage plan; it
 * leads back to no key. 44 characters: within API Gateway's API key length limits.
 */
export function usageIdentifierOf(storedName: string): string {
  const hashed = HASHED_KEY_NAME.test(storedName) ? storedName.toLowerCase() : hashedKeyName(storedName);
  return `tgu_${hashed.slice(HASHED_KEY_PREFIX.length, HASHED_KEY_PREFIX.length + 40)}`;
}

/** How an entry is named in errors and logs: its hash prefix (= the key's fingerprint), never the key. */
export function entryLabel(storedName: string): string {
  return HASHED_KEY_NAME.test(storedName)
    ? `entry ${storedName.slice(0, 15).toLowerCase()}…`
    : `entry fp:${keyFingerprint(storedName)}`;
}
