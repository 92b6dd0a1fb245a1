import type { Allowed, Denied, KeyIdentity, KnownKey, UnknownKey } from './key-directory.js';
import { hashedKeyName } from './key-names.js';

/**
 * What is known of one presented key string: its hash and shard, worked out once, and the
 * last directory's judgement of it. For a known key the record is itself the `KnownKey` the
 * directory hands out — the judgement's fields copied in — so that a warm decision reads one
 * object per key (the map entry's record), not a record and then a judgement elsewhere in the
 * heap: with 10,000 keys every such object is a cache miss. Only the memo and `KeyDirectory`
 * write it; a caller must use a `KnownKey` at once, as the next judgement (a reload) rewrites it.
 */
export class PresentedKey implements KnownKey {
  // Read by every warm decision: first, so that they share the object's first cache line.
  /** The id of the directory whose judgement this is; another one (a reload, another shard) looks again. */
  directoryId = -1;
  /** Set when that judgement is "unknown" (the fields below are then unused). */
  unknown: UnknownKey | undefined = undefined;
  /** Whether `expiresAt` is finite: checked first, so a key that never expires costs no clock read. */
  expires = false;
  grantSlot = -1;
  /** The shard holding the key, for the one shard count of the loader owning the memo; -1 until picked. */
  shard = -1;
  allowed: Allowed = NOT_JUDGED_ALLOWED;
  denied: Denied = NOT_JUDGED_DENIED;
  identity: KeyIdentity = NOT_JUDGED;
  expiresAt = Infinity;
  /** `sha256:<hex>` of the key, computed on first need: the only hashing a key ever gets. */
  hashedName: string | undefined = undefined;

  /** On the prototype, not in each record: a constant costs a decision no memory read. */
  get known(): true {
    return true;
  }

  // The key itself, private: a record handed out as a `KnownKey` never prints or serializes it.
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The presented key. */
  get value(): string {
    return this.#value;
  }

  /** Takes a directory's judgement of the key: a known key's fields, or the reason it is unknown. */
  judged(directoryId: number, judgement: KnownKey | UnknownKey): void {
    this.directoryId = directoryId;
    if (judgement.known) {
      this.unknown = undefined;
      this.grantSlot = judgement.grantSlot;
      this.expires = judgement.expiresAt !== Infinity;
      this.expiresAt = judgement.expiresAt;
      this.allowed = judgement.allowed;
      this.denied = judgement.denied;
      this.identity = judgement.identity;
    } else {
      this.unknown = judgement;
    }
  }
}

// What a record holds before its first judgement; never handed out (`directoryId` is -1 then).
const NOT_JUDGED: KeyIdentity = Object.freeze({ companyId: 0, userId: 0, principalId: '', grants: [], usageIdentifierKey: '', usagePlan: '', apiVersion: undefined });
const NOT_JUDGED_ALLOWED: Allowed = Object.freeze({ effect: 'Allow', key: NOT_JUDGED });
const NOT_JUDGED_DENIED: Denied = Object.freeze({ effect: 'Deny', key: NOT_JUDGED, reason: 'no-matching-grant' });

/** Most presented keys remembered; past it the memo starts over, so a flood of random keys costs hashing, never memory. */
const LIMIT = 32_768;

/**
 * The one memo from a presented key to what is known of it, shared by everything that judges
 * the key — a sharded loader's shard pick, then the decision in that shard's directory, across
 * reloads — so a key is hashed once and a warm request reads the memo once: the pick hands its
 * record to the decision that follows it (`handOff`), which takes it with one string compare.
 */
export class PresentedKeys {
  private readonly byValue = new Map<string, PresentedKey>();
  // The record a shard pick handed off, taken by the next `find` whatever it asks for: a lookup
  // with no pick before it (an unsharded map) compares no string, and a stale hand-off can only
  // cost one compare, never a wrong record (the strings must be equal).
  private handedValue: string | undefined;
  private handed: PresentedKey | undefined;

  /** The record of a key presented before, or undefined. */
  find(value: string): PresentedKey | undefined {
    const handedValue = this.handedValue;
    if (handedValue !== undefined) {
      this.handedValue = undefined;
      if (value === handedValue) return this.handed;
    }
    return this.byValue.get(value);
  }

  /** A new record; only for strings that may be keys (`isPresentableKey`), so the memo never holds junk. */
  add(value: string): PresentedKey {
    if (this.byValue.size >= LIMIT) {
      this.byValue.clear();
      this.handedValue = undefined;
      this.handed = undefined;
    }
    const record = new PresentedKey(value);
    this.byValue.set(value, record);
    return record;
  }

  /** Leaves a key's record for the next `find` (the decision after a shard pick), which then needs no hash lookup. */
  handOff(value: string, record: PresentedKey): void {
    this.handedValue = value;
    this.handed = record;
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.byValue.size;
  }

  hashedName(record: PresentedKey): string {
    return (record.hashedName ??= hashedKeyName(record.value));
  }
}
