import type { GatewayRequest } from './gateway-request.js';

/** A header's one value, or why there is none. */
export type SingleHeader =
  | { readonly kind: 'absent' }
  | { readonly kind: 'one'; readonly value: string }
  | { readonly kind: 'conflicting' };

/**
 * The repository's one rule for a header a layer decides on (the router applies it to
 * `X-Api-Version`): sent several times, in any name casing, with the same value it counts once;
 * with different values it is a conflict, never "the last one wins" — the authorizer reads the
 * first value, the request log and the presence check the last.
 */
export function singleHeader(request: GatewayRequest, name: string): SingleHeader {
  const wanted = name.toLowerCase();
  let value: string | undefined;
  for (const [key, candidate] of request.headerPairs) {
    if (key.toLowerCase() !== wanted) continue;
    if (value !== undefined && candidate !== value) return { kind: 'conflicting' };
    value = candidate;
  }
  return value === undefined ? { kind: 'absent' } : { kind: 'one', value };
}
