import { compileGrants, GrantMatcherCache, type CompiledGrants } from '../grants/compile-grants.js';
import type { Grant, IdentityValue, KeyEntry, KeyMap } from './key-map.js';
import { HASHED_KEY_PREFIX, isPresentableKey, sha256Hex } from './key-names.js';

/** A known key, as decisions and policies see it. */
export interface KeyIdentity {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  /** `<companyId>-<userId>`: the policy's principalId. */
  readonly principalId: string;
  readonly grants: readonly Grant[];
}

/** A key entry plus its grants, compiled the first time the key is used. */
export class KnownKey implements KeyIdentity {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  readonly principalId: string;
  readonly grants: readonly Grant[];
  private compiled: CompiledGrants | undefined = undefined;

  constructor(
    entry: KeyEntry,
    private readonly cache: GrantMatcherCache,
  ) {
    this.companyId = entry.companyId;
    this.userId = entry.userId;
    this.principalId = `${entry.companyId}-${entry.userId}`;
    this.grants = entry.authorizedRequests;
  }

  allows(method: string, path: string, queryParameterNames: readonly string[]): boolean {
    this.compiled ??= compileGrants(this.grants, this.cache);
    return this.compiled.allows(method, path, queryParameterNames);
  }
}

/**
 * A loaded key map ready for lookups. Building one is cheap (no grant is compiled until its
 * key is used), so a reload never stalls on thousands of keys.
 */
export class CompiledKeyMap {
  private readonly keys = new Map<string, KnownKey>();
  private readonly hasHashedKeys: boolean;
  /**
   * Presented key → entry for keys found by hash, so a warm lookup skips sha256. Holds known
   * keys only (unknown keys are never added), so it is bounded by the map's size.
   */
  private readonly hashedHits = new Map<string, KnownKey>();

  constructor(keyMap: KeyMap) {
    const cache = new GrantMatcherCache();
    let hashed = false;
    for (const [name, entry] of keyMap) {
      this.keys.set(name, new KnownKey(entry, cache));
      hashed ||= name.startsWith(HASHED_KEY_PREFIX);
    }
    this.hasHashedKeys = hashed;
  }

  get size(): number {
    return this.keys.size;
  }

  /** The entry for a presented key: stored in plaintext, or as `sha256:` of it. */
  lookup(presentedKey: string): KnownKey | undefined {
    if (!isPresentableKey(presentedKey)) return undefined;
    const plain = this.keys.get(presentedKey);
    if (plain !== undefined || !this.hasHashedKeys) return plain;
    let hashed = this.hashedHits.get(presentedKey);
    if (hashed === undefined) {
      hashed = this.keys.get(HASHED_KEY_PREFIX + sha256Hex(presentedKey));
      if (hashed !== undefined) this.hashedHits.set(presentedKey, hashed);
    }
    return hashed;
  }
}
