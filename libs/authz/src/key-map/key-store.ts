import type { Grant } from '../grants/grant.js';
import type { IdentityValue, KeyMap, ShardInfo } from './format.js';
import { HASHED_KEY_PREFIX } from './key-names.js';

/** A key's entry as a `CompiledKeyMap` uses it, whichever format it was stored in. */
export interface StoredKey {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  /** Plan names, each defined in the store's `plans`. */
  readonly plans: readonly string[];
  /** The key's own grants, on top of its plans (a version-1 entry has only these). */
  readonly grants: readonly Grant[];
  readonly disabled: boolean;
  /** Epoch milliseconds from which the key is unknown; undefined: never expires. */
  readonly expiresAt: number | undefined;
  /** The API version served when a request sends no `X-Api-Version`; undefined: none. */
  readonly apiVersion: string | undefined;
}

/** A stored entry that failed validation: the key is unusable; `issues` name it by fingerprint. */
export interface InvalidEntry {
  readonly issues: readonly string[];
}

/**
 * The keys of one loaded key map (or shard), by stored name: a plaintext key (version 1 only)
 * or `sha256:<64 lower-case hex>`. A store may validate an entry only when it is asked for it.
 */
export interface KeyStore {
  readonly size: number;
  readonly plans: ReadonlyMap<string, readonly Grant[]>;
  /** Whether entries may be stored under plaintext names (version 1 only). */
  readonly hasPlaintextNames: boolean;
  /** Whether entries may be stored as `sha256:<hex>` (a presented key is then hashed to find it). */
  readonly hasHashedNames: boolean;
  /** Set when the store is one shard of a sharded map. */
  readonly shard: ShardInfo | undefined;
  entry(storedName: string): StoredKey | InvalidEntry | undefined;
}

const NO_PLANS: ReadonlyMap<string, readonly Grant[]> = new Map();
const NONE: readonly string[] = [];

/** A validated version-1 map (`parseKeyMap`) as a store: every key has its own grants only. */
export function keyStoreOf(keyMap: KeyMap): KeyStore {
  return {
    size: keyMap.size,
    plans: NO_PLANS,
    hasPlaintextNames: true,
    hasHashedNames: [...keyMap.keys()].some((name) => name.startsWith(HASHED_KEY_PREFIX)),
    shard: undefined,
    entry(storedName) {
      const entry = keyMap.get(storedName);
      return entry === undefined
        ? undefined
        : { companyId: entry.companyId, userId: entry.userId, plans: NONE, grants: entry.authorizedRequests, disabled: false, expiresAt: undefined, apiVersion: entry.apiVersion };
    },
  };
}

export function isInvalidEntry(entry: StoredKey | InvalidEntry): entry is InvalidEntry {
  return 'issues' in entry;
}
