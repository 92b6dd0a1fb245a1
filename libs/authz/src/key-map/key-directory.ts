import type { DenyReason, GrantIndex, GrantedKey } from '../grants/grant-index.js';
import type { Grant } from '../grants/grant.js';
import type { IdentityValue } from './format.js';
import { isPresentableKey } from './key-names.js';
import { isInvalidEntry, type InvalidEntry, type KeyStore, type StoredKey } from './key-store.js';
import { PresentedKeys, type PresentedKey } from './presented-keys.js';
import { PER_KEY_USAGE_IDENTIFIERS, usageIdentifierFor, usagePlanOf, type UsageIdentifiers } from './usage-plans.js';

/** A known key, as decisions and policies see it. */
export interface KeyIdentity {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  /** `<companyId>-<userId>`: the policy's principalId. */
  readonly principalId: string;
  /** Every grant of the key: its plans' and its own. */
  readonly grants: readonly Grant[];
  /** What API Gateway counts the key's usage under (`usageIdentifierFor` the directory's `usageIdentifiers`): never the key. */
  readonly usageIdentifierKey: string;
  /** The key's usage plan (`usagePlanOf` its plans): whose throttle and quota apply to it. */
  readonly usagePlan: string;
  /** The API version a request without `X-Api-Version` is served (the key is pinned to it). */
  readonly apiVersion: string | undefined;
}

/** Why a presented key is not a usable key. Each is answered as an unknown key (401). */
export type UnknownKeyReason = 'unknown-key' | 'disabled-key' | 'expired-key' | 'invalid-key-entry';

/** A decision allowing a known key's request. */
export interface Allowed {
  readonly effect: 'Allow';
  readonly key: KeyIdentity;
}

/** A decision denying a known key's request. */
export interface Denied {
  readonly effect: 'Deny';
  readonly key: KeyIdentity;
  readonly reason: DenyReason;
}

/** A usable key: who it is, and its compiled grant set in the map's `GrantIndex`. */
export interface KnownKey extends GrantedKey {
  readonly known: true;
  readonly identity: KeyIdentity;
  /** Epoch ms from which the key is expired; Infinity: never. */
  readonly expiresAt: number;
  /** The key's two possible decisions, made once: a warm decision allocates nothing. */
  readonly allowed: Allowed;
  readonly denied: Denied;
}

export interface UnknownKey {
  readonly known: false;
  readonly reason: UnknownKeyReason;
}

/** What the directory says of a presented key. */
export type KeyLookup = KnownKey | UnknownKey;

const unknown = (reason: UnknownKeyReason): UnknownKey => Object.freeze({ known: false, reason });
const UNKNOWN_KEY = unknown('unknown-key');
const DISABLED_KEY = unknown('disabled-key');
const EXPIRED_KEY = unknown('expired-key');
const INVALID_KEY_ENTRY = unknown('invalid-key-entry');

let nextDirectoryId = 0;

export interface KeyDirectoryOptions {
  /** Clock for `expiresAt`; default `Date.now`. */
  readonly now?: () => number;
  /** Told the issues of a stored entry found invalid on its first use (once per entry). */
  readonly onInvalidEntry?: (issues: readonly string[]) => void;
  /** The memo of presented keys, shared with a loader's shard pick and earlier loads; default: one of its own. */
  readonly presentedKeys?: PresentedKeys;
  /** What a key's `usageIdentifierKey` is; default one per key. */
  readonly usageIdentifiers?: UsageIdentifiers;
}

/**
 * The keys of one loaded map (or shard): presented key → a known key or why it is unknown.
 * Nothing is done for a key until it is first presented; then its entry is validated (version
 * 2), its plans and own grants are compiled into one slot of the grant index, and the outcome
 * is remembered — a warm lookup is one memo read and, for a key with an `expiresAt`, a clock read.
 */
export class KeyDirectory {
  /** Unique per directory; records in a shared memo name the directory they were found in (by id, not reference, so no old map is kept alive). */
  private readonly id = nextDirectoryId++;
  private readonly now: () => number;
  private readonly onInvalidEntry: ((issues: readonly string[]) => void) | undefined;
  private readonly presentedKeys: PresentedKeys;
  private readonly usageIdentifiers: UsageIdentifiers;
  /** Stored name → outcome, so an entry is validated and compiled once however it is presented. */
  private readonly judged = new Map<string, KeyLookup>();
  private readonly planSlots = new Map<string, number>();

  constructor(
    private readonly store: KeyStore,
    private readonly grants: GrantIndex,
    options: KeyDirectoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.onInvalidEntry = options.onInvalidEntry;
    this.presentedKeys = options.presentedKeys ?? new PresentedKeys();
    this.usageIdentifiers = options.usageIdentifiers ?? PER_KEY_USAGE_IDENTIFIERS;
    for (const [name, planGrants] of store.plans) this.planSlots.set(name, grants.add(planGrants));
  }

  find(presentedKey: string): KeyLookup {
    let record = this.presentedKeys.find(presentedKey);
    if (record === undefined || record.directoryId !== this.id) {
      // The explicit guard: `__proto__`, `constructor`, `sha256:…`, over-long strings never reach the store.
      if (record === undefined && !isPresentableKey(presentedKey)) return UNKNOWN_KEY;
      record ??= this.presentedKeys.add(presentedKey);
      record.judged(this.id, this.resolve(record));
    }
    const unknown = record.unknown;
    if (unknown !== undefined) return unknown;
    if (record.expires && record.expiresAt <= this.now()) return EXPIRED_KEY;
    return record;
  }

  /** Looks a presented key up in the store; only for a key this directory has not judged. */
  private resolve(record: PresentedKey): KeyLookup {
    const store = this.store;
    let name = record.value;
    let entry = store.hasPlaintextNames ? store.entry(name) : undefined;
    if (entry === undefined && store.hasHashedNames) {
      name = this.presentedKeys.hashedName(record);
      entry = store.entry(name);
    }
    if (entry === undefined) return UNKNOWN_KEY;
    let lookup = this.judged.get(name);
    if (lookup === undefined) {
      lookup = this.judge(entry, name);
      this.judged.set(name, lookup);
    }
    return lookup;
  }

  private judge(entry: StoredKey | InvalidEntry, storedName: string): KeyLookup {
    if (isInvalidEntry(entry)) {
      this.onInvalidEntry?.(entry.issues);
      return INVALID_KEY_ENTRY;
    }
    if (entry.disabled) return DISABLED_KEY;
    const planSlots = entry.plans.map((plan) => this.planSlot(plan));
    const [only, ...more] = planSlots;
    const grantSlot = only !== undefined && more.length === 0 && entry.grants.length === 0 ? only : this.grants.combine(planSlots, entry.grants);
    const identity: KeyIdentity = {
      companyId: entry.companyId,
      userId: entry.userId,
      principalId: `${entry.companyId}-${entry.userId}`,
      grants: entry.plans.length === 0 ? entry.grants : [...entry.plans.flatMap((plan) => this.store.plans.get(plan) ?? []), ...entry.grants],
      // Once per entry, when its key is first judged: never on a warm request.
      usageIdentifierKey: usageIdentifierFor(this.usageIdentifiers, storedName, entry.plans),
      usagePlan: usagePlanOf(entry.plans, this.usageIdentifiers.usagePlans ?? []),
      apiVersion: entry.apiVersion,
    };
    return {
      known: true,
      identity,
      grantSlot,
      expiresAt: entry.expiresAt ?? Infinity,
      allowed: Object.freeze({ effect: 'Allow', key: identity }),
      denied: Object.freeze({ effect: 'Deny', key: identity, reason: 'no-matching-grant' }),
    };
  }

  private planSlot(plan: string): number {
    const slot = this.planSlots.get(plan);
    // Entries are validated against the plans before they get here.
    if (slot === undefined) throw new RangeError(`plan ${plan} is not defined`);
    return slot;
  }
}
