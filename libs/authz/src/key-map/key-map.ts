/** HTTP methods a grant may name; API Gateway sends them upper-case. */
export const GRANT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type GrantMethod = (typeof GRANT_METHODS)[number];

/** One allowed request shape: method, path template (`/resources/{id}`) and query parameter names. */
export interface Grant {
  readonly method: GrantMethod;
  readonly path: string;
  readonly queryParameters: readonly string[];
}

/** Who a key belongs to. Both values reach the backend as strings (API Gateway stringifies context). */
export type IdentityValue = number | string;

export interface KeyEntry {
  readonly companyId: IdentityValue;
  readonly userId: IdentityValue;
  readonly authorizedRequests: readonly Grant[];
}

/**
 * A validated key map. Map keys are either a plaintext API key or `sha256:<64 lower-case hex>`
 * of one. A `Map`, never a plain object, so no presented key can reach `Object.prototype`.
 */
export type KeyMap = ReadonlyMap<string, KeyEntry>;
