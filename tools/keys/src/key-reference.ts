import { hashedKeyName } from '@tollgate/authz';
import type { EditableKeyMap } from './key-map-file.js';
import { InputError } from './input-error.js';

/** A fingerprint: 8 to 64 hex characters of a stored name, optionally with its `sha256:`. */
export const FINGERPRINT = /^(?:sha256:)?([0-9a-f]{8,64})$/i;

/**
 * `<key | fingerprint>` → the key's stored name in the map. A fingerprint is the start (8 or
 * more hex characters, optionally after `sha256:`) of the stored name, as logs and `show` print it.
 * Only the fingerprint, never the key, appears in an error.
 */
export function storedNameOf(map: EditableKeyMap, reference: string): { storedName: string; apiKey: string | undefined } {
  const fingerprint = FINGERPRINT.exec(reference)?.[1]?.toLowerCase();
  if (fingerprint !== undefined) {
    const matches = Object.keys(map.keys).filter((name) => name.startsWith(`sha256:${fingerprint}`));
    if (matches.length > 1) throw new InputError(`fingerprint ${fingerprint} matches ${matches.length} keys: give more characters`);
    const [only] = matches;
    if (only !== undefined) return { storedName: only, apiKey: undefined };
  }
  const storedName = hashedKeyName(reference);
  if (map.keys[storedName] === undefined) {
    throw new InputError(`no key with fingerprint ${fingerprint ?? storedName.slice(7, 15)} in the map`);
  }
  return { storedName, apiKey: reference };
}

/** How commands name a stored key: the first 8 hex characters of its hash (its fingerprint). */
export function fingerprintOf(storedName: string): string {
  return storedName.slice('sha256:'.length, 'sha256:'.length + 8);
}
