import * as z from 'zod/mini';
import type { Grant } from '../grants/grant.js';
import type { ShardInfo } from './format.js';
import { KeyMapFormatError } from './key-map-format-error.js';
import { entryLabel } from './key-names.js';
import type { InvalidEntry, KeyStore, StoredKey } from './key-store.js';
import { apiVersion, companyId, formatIssues, grantSchema, identityValue, toGrant } from './schemas.js';
import { MAX_SHARDS, isShardCount } from './shards.js';
import { isPlanName } from './usage-plans.js';

export const KEY_MAP_VERSION = 2;

const LOWER_HASHED_KEY_NAME = /^sha256:[0-9a-f]{64}$/;
const planName = z.string().check(
  z.refine(isPlanName, { error: 'plan names are 1–64 of A–Z a–z 0–9 _ . : - (starting with a letter or digit)' }),
);

const shardSchema = z
  .strictObject({
    index: z.number().check(z.int(), z.nonnegative()),
    count: z.number().check(z.refine(isShardCount, { error: `shard count must be a whole number from 1 to ${MAX_SHARDS}` })),
  })
  .check(z.refine((shard) => shard.index < shard.count, { error: 'shard index must be less than the shard count' }));

// `keys` is only checked to be an object here: its entries are validated one by one, when a
// key is first used (see KeyMapV2Store), so that loading 10,000 keys costs no validation.
const documentSchema = z.strictObject({
  version: z.literal(KEY_MAP_VERSION),
  shard: z.optional(shardSchema),
  plans: z.record(planName, z.array(grantSchema)),
  keys: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    error: 'keys must be an object of "sha256:<hex>" → entry',
  }),
});

const entrySchema = z.strictObject({
  companyId,
  userId: identityValue,
  plans: z.optional(z.array(planName)),
  grants: z.optional(z.array(grantSchema)),
  disabled: z.optional(z.boolean()),
  apiVersion: z.optional(apiVersion),
  expiresAt: z.optional(z.iso.datetime({ offset: true, error: 'expiresAt must be an ISO 8601 date-time with offset, e.g. 2027-01-31T00:00:00Z' })),
});

/** Whether a parsed JSON value claims to be a version-2 (or later) map rather than the version-1 format. */
export function isVersionedKeyMap(input: unknown): input is { readonly version: unknown } {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && Object.hasOwn(input, 'version');
}

/**
 * Validates a version-2 key map's envelope and plans, and checks every key name; entries are
 * validated when first asked for (`entry`), or all at once by `validateAll` (offline checks).
 * Throws `KeyMapFormatError`, naming entries by fingerprint, never by key.
 */
export function parseKeyMapV2(input: unknown): KeyMapV2Store {
  const result = documentSchema.safeParse(input);
  if (!result.success) {
    const version = isVersionedKeyMap(input) ? input.version : undefined;
    if (version !== KEY_MAP_VERSION) throw new KeyMapFormatError([`unsupported key map version ${JSON.stringify(version)} (expected ${KEY_MAP_VERSION})`]);
    throw new KeyMapFormatError(formatIssues('key map', result.error.issues));
  }
  const { keys, shard } = result.data;
  const plans = new Map<string, readonly Grant[]>();
  for (const [name, grants] of Object.entries(result.data.plans)) plans.set(name, grants.map(toGrant));
  // One regex test per key: cheap (~0.1 ms per 1,000 keys) and it keeps a misspelt or
  // plaintext name from silently never matching.
  const names = Object.keys(keys);
  const badNames = names.filter((name) => !LOWER_HASHED_KEY_NAME.test(name));
  if (badNames.length > 0) {
    throw new KeyMapFormatError(badNames.map((name) => `${entryLabel(name)}: a key must be stored as "sha256:" and 64 lower-case hex characters`));
  }
  return new KeyMapV2Store(plans, keys, names.length, shard);
}

/** A parsed version-2 map: plans validated, entries validated on first use. */
export class KeyMapV2Store implements KeyStore {
  readonly hasPlaintextNames = false;
  readonly hasHashedNames = true;

  constructor(
    readonly plans: ReadonlyMap<string, readonly Grant[]>,
    private readonly keys: Readonly<Record<string, unknown>>,
    readonly size: number,
    readonly shard: ShardInfo | undefined,
  ) {}

  /** Stored names, for offline tools. */
  names(): string[] {
    return Object.keys(this.keys);
  }

  entry(storedName: string): StoredKey | InvalidEntry | undefined {
    // Names looked up here are `sha256:<hex>` strings the caller computed: never a prototype name.
    if (!Object.hasOwn(this.keys, storedName)) return undefined;
    return this.validate(storedName, this.keys[storedName]);
  }

  /** Every entry's issues (empty when all are valid): what a load skips, for tools and CI. */
  validateAll(): string[] {
    return this.names().flatMap((name) => {
      const entry = this.entry(name);
      return entry !== undefined && 'issues' in entry ? entry.issues : [];
    });
  }

  private validate(storedName: string, value: unknown): StoredKey | InvalidEntry {
    const label = entryLabel(storedName);
    const result = entrySchema.safeParse(value);
    if (!result.success) return { issues: formatIssues(label, result.error.issues) };
    const entry = result.data;
    const plans = entry.plans ?? [];
    const undefinedPlans = plans.filter((plan) => !this.plans.has(plan));
    if (undefinedPlans.length > 0) return { issues: undefinedPlans.map((plan) => `${label}.plans: plan "${plan}" is not defined`) };
    return {
      companyId: entry.companyId,
      userId: entry.userId,
      plans: [...new Set(plans)],
      grants: (entry.grants ?? []).map(toGrant),
      disabled: entry.disabled ?? false,
      expiresAt: entry.expiresAt === undefined ? undefined : Date.parse(entry.expiresAt),
      apiVersion: entry.apiVersion,
    };
  }
}

