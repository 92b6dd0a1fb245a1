import { GrantTable } from '../grants/grant-table.js';
import type { Grant, IdentityValue, KeyMap, ShardInfo } from './key-map.js';
import { hashedKeyName, isPresentableKey } from './key-names.js';
import { isInvalidEntry, isKeyStore, keyStoreOf, type KeyStore, type StoredKey } from './key-store.js';

/** A known key, as decisions and policies see it. */
export interface KeyIdentity {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  /** `<companyId>-<userId>`: the policy's principalId. */
  readonly principalId: string;
  /** Every grant of the key: its plans' and its own. */
  readonly grants: readonly Grant[];
}

/** Index of a usable key in a `CompiledKeyMap`; -1 for an unknown key. */
export type KeyIndex = number;

/** Why a presented key is not a usable key. Each is answered as an unknown key (401). */
export type UnknownKeyReason = 'unknown-key' | 'disabled-key' | 'expired-key' | 'invalid-key-entry';

export interface CompiledKeyMapOptions {
  /** Clock for `expiresAt`; default `Date.now`. */
  readonly now?: () => number;
  /** Told the issues of a stored entry found invalid on its first use (once per entry). */
  readonly onInvalidEntry?: (issues: readonly string[]) => void;
  /**
   * Compiled grants shared with other maps — the other shards, earlier loads — so that equal
   * plans compile once and decisions in any of them touch the same small, cached structure.
   * Default: a table of its own.
   */
  readonly grants?: GrantTable;
}

// Memo values below 0: a stored entry that is not usable, remembered so that it is judged once.
const DISABLED = -2;
const INVALID = -3;

/**
 * A loaded key map (or shard) ready for lookups. Building one compiles the map's plans, once,
 * into a `GrantTable` shared by every key; nothing is done for a key until it is first
 * presented: then its entry is validated (version 2), its plans and own grants are combined
 * into one compiled slot (shared by keys with the same plans and no grants of their own), and
 * the presented string is remembered, so its next lookup is one `Map` read — no sha256.
 */
export class CompiledKeyMap {
  private readonly store: KeyStore;
  private readonly now: () => number;
  private readonly onInvalidEntry: ((issues: readonly string[]) => void) | undefined;
  /**
   * Presented key → index (or DISABLED/INVALID). Only keys found in the store are added, and a
   * presented key cannot start with `sha256:`, so this stays bounded by the map's size and exact.
   */
  private readonly memo = new Map<string, number>();
  private readonly entries: StoredKey[] = [];
  private readonly identities: KeyIdentity[] = [];
  /** Per key: epoch ms from which it is expired (Infinity: never). */
  private readonly expiresAt: Float64Array;
  /** Per key: its slot in `grants`, or -1 until first used. */
  private readonly slots: Int32Array;
  private readonly grants: GrantTable;
  private readonly planSlots = new Map<string, number>();

  constructor(keys: KeyMap | KeyStore, options: CompiledKeyMapOptions = {}) {
    this.store = isKeyStore(keys) ? keys : keyStoreOf(keys);
    this.now = options.now ?? Date.now;
    this.onInvalidEntry = options.onInvalidEntry;
    this.grants = options.grants ?? new GrantTable();
    this.expiresAt = new Float64Array(this.store.size);
    this.slots = new Int32Array(this.store.size).fill(-1);
    for (const [name, grants] of this.store.plans) this.planSlots.set(name, this.grants.add(grants));
  }

  /** Number of stored keys (usable or not). */
  get size(): number {
    return this.store.size;
  }

  /** Which shard of a sharded map this is; undefined for a whole map. */
  get shard(): ShardInfo | undefined {
    return this.store.shard;
  }

  /** The index of a presented key — stored in plaintext or as `sha256:` of it — or why it is unknown. */
  find(presentedKey: string): KeyIndex | UnknownKeyReason {
    let index = this.memo.get(presentedKey);
    if (index === undefined) {
      // The explicit guard: `__proto__`, `constructor`, `sha256:…`, over-long strings never reach the store.
      if (!isPresentableKey(presentedKey)) return 'unknown-key';
      index = this.resolve(presentedKey);
      if (index === undefined) return 'unknown-key';
    }
    if (index < 0) return index === DISABLED ? 'disabled-key' : 'invalid-key-entry';
    const expiresAt = this.expiresAt[index] ?? 0;
    if (expiresAt !== Infinity && expiresAt <= this.now()) return 'expired-key';
    return index;
  }

  /** The index of a presented usable key, or -1. */
  indexOf(presentedKey: string): KeyIndex {
    const found = this.find(presentedKey);
    return typeof found === 'number' ? found : -1;
  }

  lookup(presentedKey: string): KeyIdentity | undefined {
    const index = this.indexOf(presentedKey);
    return index === -1 ? undefined : this.identities[index];
  }

  identity(index: KeyIndex): KeyIdentity {
    const identity = this.identities[index];
    if (identity === undefined) throw new RangeError(`no key at index ${index}`);
    return identity;
  }

  /** Whether key `index` has a grant for this request. */
  allows(index: KeyIndex, method: string, path: string, queryParameterNames: readonly string[]): boolean {
    let slot = this.slots[index];
    if (slot === undefined) return false;
    if (slot === -1) {
      slot = this.compile(index);
      this.slots[index] = slot;
    }
    return this.grants.allows(slot, method, path, queryParameterNames);
  }

  private resolve(presentedKey: string): number | undefined {
    let entry = this.store.hasPlaintextNames ? this.store.entry(presentedKey) : undefined;
    if (entry === undefined && this.store.hasHashedNames) entry = this.store.entry(hashedKeyName(presentedKey));
    if (entry === undefined) return undefined;
    let index: number;
    if (isInvalidEntry(entry)) {
      this.onInvalidEntry?.(entry.issues);
      index = INVALID;
    } else if (entry.disabled) {
      index = DISABLED;
    } else {
      index = this.entries.length;
      this.entries.push(entry);
      this.identities.push({
        companyId: entry.companyId,
        userId: entry.userId,
        principalId: `${entry.companyId}-${entry.userId}`,
        grants: entry.plans.length === 0 ? entry.grants : [...entry.plans.flatMap((plan) => this.store.plans.get(plan) ?? []), ...entry.grants],
      });
      this.expiresAt[index] = entry.expiresAt ?? Infinity;
    }
    this.memo.set(presentedKey, index);
    return index;
  }

  private compile(index: KeyIndex): number {
    const entry = this.entries[index];
    if (entry === undefined) throw new RangeError(`no key at index ${index}`);
    const planSlots = entry.plans.map((plan) => this.planSlot(plan));
    const [only, ...more] = planSlots;
    return only !== undefined && more.length === 0 && entry.grants.length === 0 ? only : this.grants.combine(planSlots, entry.grants);
  }

  private planSlot(plan: string): number {
    const slot = this.planSlots.get(plan);
    // Entries are validated against the plans before they get here.
    if (slot === undefined) throw new RangeError(`plan ${plan} is not defined`);
    return slot;
  }
}
