import { GrantTable } from '../grants/grant-table.js';
import type { Grant, IdentityValue, KeyMap } from './key-map.js';
import { HASHED_KEY_PREFIX, isPresentableKey, sha256Hex } from './key-names.js';

/** A known key, as decisions and policies see it. */
export interface KeyIdentity {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  /** `<companyId>-<userId>`: the policy's principalId. */
  readonly principalId: string;
  readonly grants: readonly Grant[];
}

/** Index of a key in a `CompiledKeyMap`; -1 for an unknown key. */
export type KeyIndex = number;

/**
 * A loaded key map ready for lookups. Building one is cheap: a key's grants are compiled the
 * first time the key is used, into a `GrantTable` shared by all keys of the map.
 */
export class CompiledKeyMap {
  /**
   * Stored names (plaintext or `sha256:…`) → key index. A key found by hash is also added
   * under the presented plaintext, so its next lookup skips sha256; only known keys are ever
   * added, and a presented key cannot start with `sha256:`, so this stays bounded and exact.
   */
  private readonly indexes = new Map<string, KeyIndex>();
  private readonly identities: KeyIdentity[] = [];
  /** Per key: its slot in `grants`, or -1 until first used. */
  private readonly slots: Int32Array;
  private readonly grants = new GrantTable();
  private readonly hasHashedKeys: boolean;

  constructor(keyMap: KeyMap) {
    let hashed = false;
    for (const [name, entry] of keyMap) {
      this.indexes.set(name, this.identities.length);
      this.identities.push({
        companyId: entry.companyId,
        userId: entry.userId,
        principalId: `${entry.companyId}-${entry.userId}`,
        grants: entry.authorizedRequests,
      });
      hashed ||= name.startsWith(HASHED_KEY_PREFIX);
    }
    this.slots = new Int32Array(this.identities.length).fill(-1);
    this.hasHashedKeys = hashed;
  }

  get size(): number {
    return this.identities.length;
  }

  /** The index of a presented key — stored in plaintext or as `sha256:` of it — or -1. */
  indexOf(presentedKey: string): KeyIndex {
    if (!isPresentableKey(presentedKey)) return -1;
    const known = this.indexes.get(presentedKey);
    if (known !== undefined) return known;
    if (!this.hasHashedKeys) return -1;
    const hashed = this.indexes.get(HASHED_KEY_PREFIX + sha256Hex(presentedKey));
    if (hashed === undefined) return -1;
    this.indexes.set(presentedKey, hashed);
    return hashed;
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
      slot = this.grants.add(this.identity(index).grants);
      this.slots[index] = slot;
    }
    return this.grants.allows(slot, method, path, queryParameterNames);
  }
}
