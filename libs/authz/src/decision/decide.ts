import type { CompiledKeyMap } from '../key-map/compile-key-map.js';
import type { Allowed, Denied, UnknownKeyReason } from '../key-map/key-directory.js';

/** What the authorizer needs from a request, already extracted from the event. */
export interface AuthorizationRequest {
  /** The `X-Api-Key` value, or undefined when the header is absent or empty. */
  readonly apiKey: string | undefined;
  readonly method: string;
  /** The request path as the backend routes it (`event.path`): no stage prefix. */
  readonly path: string;
  readonly queryParameterNames: readonly string[];
}

export type Decision = Allowed | Denied | { readonly effect: 'Unknown'; readonly reason: 'missing-key' | UnknownKeyReason };

/**
 * The pure authorization rule: a missing, unknown, disabled, expired or invalid key is
 * `Unknown` (→ 401); a known key is allowed only if one of its grants matches the method, the
 * path template and every query parameter name; otherwise `Deny` (→ 403).
 */
export function decide(keyMap: CompiledKeyMap, request: AuthorizationRequest): Decision {
  if (request.apiKey === undefined || request.apiKey === '') return UNKNOWN['missing-key'];
  const found = keyMap.keys.find(request.apiKey);
  if (!found.known) return UNKNOWN[found.reason];
  const check = keyMap.grants.check(found, request.method, request.path, request.queryParameterNames);
  return check === 'allowed' ? found.allowed : found.denied;
}

const unknown = (reason: 'missing-key' | UnknownKeyReason): Decision => Object.freeze({ effect: 'Unknown', reason });
const UNKNOWN = {
  'missing-key': unknown('missing-key'),
  'unknown-key': unknown('unknown-key'),
  'disabled-key': unknown('disabled-key'),
  'expired-key': unknown('expired-key'),
  'invalid-key-entry': unknown('invalid-key-entry'),
} as const;
