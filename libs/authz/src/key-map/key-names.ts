import { createHash } from 'node:crypto';

export const HASHED_KEY_PREFIX = 'sha256:';

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

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** What logs show instead of a key: the first 8 hex characters of its sha256. */
export function keyFingerprint(key: string): string {
  return sha256Hex(key).slice(0, 8);
}

/** The stored form of a key: `sha256:<hex>`, what an operator puts in the secret. */
export function hashedKeyName(key: string): string {
  return HASHED_KEY_PREFIX + sha256Hex(key);
}
