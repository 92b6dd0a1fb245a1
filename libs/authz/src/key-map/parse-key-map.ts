import * as z from 'zod/mini';
import { KeyMapFormatError } from '../errors.js';
import { parsePathTemplate } from '../grants/path-template.js';
import { GRANT_METHODS, type Grant, type IdentityValue, type KeyEntry, type KeyMap } from './key-map.js';
import { HASHED_KEY_PREFIX, isObjectPrototypeName, keyFingerprint, MAX_KEY_LENGTH, sha256Hex } from './key-names.js';

const identityValue = z.custom<IdentityValue>(
  (value) =>
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
    (typeof value === 'string' && value.length > 0 && value.length <= 128),
  { error: 'expected a non-negative integer or a non-empty string (at most 128 characters)' },
);

const grantSchema = z.strictObject({
  method: z.enum(GRANT_METHODS, { error: `method must be one of ${GRANT_METHODS.join(', ')}` }),
  path: z.string().check(
    z.maxLength(1024),
    z.superRefine((path, ctx) => {
      const parsed = parsePathTemplate(path);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `path ${parsed}`, input: path });
    }),
  ),
  // Optional in the stored form to keep the secret compact: absent means "no query parameters".
  queryParameters: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(256)))),
});

const entrySchema = z.strictObject({
  companyId: identityValue,
  userId: identityValue,
  authorizedRequests: z.array(grantSchema),
});

const HASHED_KEY = /^sha256:[0-9a-fA-F]{64}$/;
// Keys travel in an HTTP header: printable ASCII, no spaces.
const PLAINTEXT_KEY = /^[\x21-\x7e]+$/;

/**
 * Validates a key map in DESIGN.md's format — `{ "<key>" | "sha256:<hex>": { companyId, userId,
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
      issues.push(...result.error.issues.map((issue) => `${label}${formatPath(issue.path)}: ${issueMessage(issue)}`));
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
    return HASHED_KEY.test(name) ? undefined : 'a hashed key must be "sha256:" followed by 64 hex characters';
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
  return {
    companyId: data.companyId,
    userId: data.userId,
    authorizedRequests: data.authorizedRequests.map(
      (grant): Grant => ({ method: grant.method, path: grant.path, queryParameters: grant.queryParameters ?? [] }),
    ),
  };
}

/** How an entry is named in errors: a hashed name's prefix, or a plaintext key's fingerprint. */
function entryLabel(name: string): string {
  return HASHED_KEY.test(name) ? `entry ${name.slice(0, 15).toLowerCase()}…` : `entry fp:${keyFingerprint(name)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'too_small':
      return `too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too large (maximum ${String(issue.maximum)})`;
    default:
      return issue.message;
  }
}
