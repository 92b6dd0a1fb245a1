import type { Grant, GrantMethod } from '../grants/grant.js';

// The key-map formats as stored (JSON) and as validated.

/** Who a key belongs to. Both values reach the backend as strings (API Gateway stringifies context). */
export type IdentityValue = number | string;

export interface KeyEntry {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  readonly authorizedRequests: readonly Grant[];
  /** The API version served to this key's requests that send no `X-Api-Version`. */
  readonly apiVersion?: string | undefined;
}

/**
 * A validated key map. Map keys are either a plaintext API key or `sha256:<64 lower-case hex>`
 * of one. A `Map`, never a plain object, so no presented key can reach `Object.prototype`.
 */
export type KeyMap = ReadonlyMap<string, KeyEntry>;

/** A grant as stored in a key map: `queryParameters` may be omitted (none). */
export interface StoredGrant {
  readonly method: GrantMethod;
  readonly path: string;
  readonly queryParameters?: readonly string[] | undefined;
}

/** Which shard of a sharded key map a document is: `index` in `0 … count-1`. */
export interface ShardInfo {
  readonly index: number;
  readonly count: number;
}

/** One key in a version-2 key map. */
export interface KeyEntryV2 {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  /** Names of plans (defined in the map's `plans`) whose grants the key has. */
  readonly plans?: readonly string[] | undefined;
  /** Grants of this key alone, on top of its plans. */
  readonly grants?: readonly StoredGrant[] | undefined;
  /** A disabled key is an unknown key (401). */
  readonly disabled?: boolean | undefined;
  /** ISO 8601 date-time with offset; from then on the key is an unknown key (401). */
  readonly expiresAt?: string | undefined;
  /** The API version served to this key's requests that send no `X-Api-Version`. */
  readonly apiVersion?: string | undefined;
}

/**
 * A version-2 key map as stored (JSON): named plans defined once, keys stored as
 * `sha256:<64 lower-case hex>` only. A shard of a sharded map says which one it is.
 */
export interface KeyMapV2Document {
  readonly version: 2;
  readonly shard?: ShardInfo | undefined;
  readonly plans: Readonly<Record<string, readonly StoredGrant[]>>;
  readonly keys: Readonly<Record<string, KeyEntryV2>>;
}
