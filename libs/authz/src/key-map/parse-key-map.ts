import * as z from 'zod/mini';
import type { KeyEntry, KeyMap } from './format.js';
import { KeyMapFormatError } from './key-map-format-error.js';
import { HASHED_KEY_NAME, HASHED_KEY_PREFIX, MAX_KEY_LENGTH, entryLabel, isObjectPrototypeName, sha256Hex } from './key-names.js';
import { apiVersion, companyId, formatIssues, grantSchema, identityValue, toGrant } from './schemas.js';

const entrySchema = z.strictObject({
  companyId,
  userId: identityValue,
  authorizedRequests: z.array(grantSchema),
  apiVersion: z.optional(apiVersion),
});

// Keys travel in an HTTP header: printable ASCII, no spaces.
const PLAINTEXT_KEY = /^[\x21-\x7e]+$/;

/**
 * Validates a key map in the version-1 format — `{ "<key>" | "sha256:<hex>": { companyId, userId,
 * authorizedRequests } }` — and returns it as a `Map` with hashed names lower-cased.
 * Throws `KeyMapFormatError`; its issues name entries by fingerprint, never by key.
 */
export function parseKeyMap(input: unknown): KeyMap {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new KeyMapFormatError(['key map must be a JSON object of key → entry']);
  }
  const issues: string[] = [];
  const keyMap = new Map<string, KeyEntry>();
  // Own enumerable properties only; JSON.parse makes "__proto__" an own property, which the
  // name check below rejects.
  for (const [name, value] of Object.entries(input)) {
    const label = entryLabel(name);
    const nameProblem = keyNameProblem(name);
    if (nameProblem) {
      issues.push(`${label}: ${nameProblem}`);
      continue;
    }
    const result = entrySchema.safeParse(value);
    if (!result.success) {
      issues.push(...formatIssues(label, result.error.issues));
      continue;
    }
    const storedName = name.startsWith(HASHED_KEY_PREFIX) ? name.toLowerCase() : name;
    if (keyMap.has(storedName)) {
      issues.push(`${label}: duplicate key`);
      continue;
    }
    keyMap.set(storedName, toEntry(result.data));
  }
  issues.push(...plaintextAlsoStoredHashed(keyMap));
  if (issues.length > 0) throw new KeyMapFormatError(issues);
  return keyMap;
}

function keyNameProblem(name: string): string | undefined {
  if (name.startsWith(HASHED_KEY_PREFIX)) {
    return HASHED_KEY_NAME.test(name) ? undefined : 'a hashed key must be "sha256:" followed by 64 hex characters';
  }
  if (name.length > MAX_KEY_LENGTH) return `key longer than ${MAX_KEY_LENGTH} characters`;
  if (!PLAINTEXT_KEY.test(name)) return 'key must be printable ASCII without spaces';
  if (isObjectPrototypeName(name)) return 'key must not be an Object.prototype property name';
  return undefined;
}

function plaintextAlsoStoredHashed(keyMap: Map<string, KeyEntry>): string[] {
  const issues: string[] = [];
  for (const name of keyMap.keys()) {
    if (!name.startsWith(HASHED_KEY_PREFIX) && keyMap.has(HASHED_KEY_PREFIX + sha256Hex(name))) {
      issues.push(`${entryLabel(name)}: stored both in plaintext and as sha256`);
    }
  }
  return issues;
}

function toEntry(data: z.infer<typeof entrySchema>): KeyEntry {
  const pin = data.apiVersion === undefined ? {} : { apiVersion: data.apiVersion };
  return { companyId: data.companyId, userId: data.userId, authorizedRequests: data.authorizedRequests.map(toGrant), ...pin };
}
