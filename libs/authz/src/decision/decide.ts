import { hasApiKeyPrefix, hasValidChecksum } from '../key-map/api-key-format.js';
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

/** Why a key is refused before any key map is read. */
export type PresentedKeyReason = 'missing-key' | 'bad-checksum';

export interface Refused<Reason extends string = PresentedKeyReason | UnknownKeyReason> {
  readonly effect: 'Unknown';
  readonly reason: Reason;
}

export type Decision = Allowed | Denied | Refused;

/**
 * The pure authorization rule: a missing key, a `tg_` key with a bad checksum, or an unknown,
 * disabled, expired or invalid key is `Unknown` (→ 401); a known key is allowed only if one of
 * its grants matches the method, the path template and every query parameter name; otherwise
 * `Deny` (→ 403).
 */
export function decide(keyMap: CompiledKeyMap, request: AuthorizationRequest): Decision {
  return refuseBeforeLookup(request) ?? decideByKeyMap(keyMap, request);
}

/**
 * The part of `decide` that needs no key map: a missing key, or a key in Tollgate's format
 * whose checksum fails. The authorizer runs it before loading a map, so such keys cost no I/O.
 */
export function refuseBeforeLookup(request: AuthorizationRequest): Refused<PresentedKeyReason> | undefined {
  const key = request.apiKey;
  if (key === undefined || key === '') return UNKNOWN['missing-key'];
  if (hasApiKeyPrefix(key) && !hasValidChecksum(key)) return UNKNOWN['bad-checksum'];
  return undefined;
}

/** The rest of `decide`, for a request `refuseBeforeLookup` let through. */
export function decideByKeyMap(keyMap: CompiledKeyMap, request: AuthorizationRequest): Decision {
  const found = keyMap.keys.find(request.apiKey ?? '');
  if (!found.known) return UNKNOWN[found.reason];
  const check = keyMap.grants.check(found, request.method, request.path, request.queryParameterNames);
  return check === 'allowed' ? found.allowed : found.denied;
}

const unknown = <Reason extends PresentedKeyReason | UnknownKeyReason>(reason: Reason): Refused<Reason> => Object.freeze({ effect: 'Unknown', reason });
const UNKNOWN = {
  'missing-key': unknown('missing-key'),
  'bad-checksum': unknown('bad-checksum'),
  'unknown-key': unknown('unknown-key'),
  'disabled-key': unknown('disabled-key'),
  'expired-key': unknown('expired-key'),
  'invalid-key-entry': unknown('invalid-key-entry'),
} as const;
