import { decide, type Decision } from '../decision/decide.js';
import { compileSharedKeyMap } from '../key-map/compile-key-map.js';
import { PresentedKeys } from '../key-map/presented-keys.js';

/** The key a question is about: the key itself, or only its stored name (`sha256:<hex>`), as an operator often has. */
export type ExplainedKey = { readonly apiKey: string } | { readonly storedName: string };

export interface ExplainedRequest {
  readonly method: string;
  readonly path: string;
  readonly queryParameterNames: readonly string[];
}

/**
 * What the authorizer would decide for this key and request on this map (either format): the
 * same `compileKeyMap` and `decide`, so an explanation cannot drift from the authorizer.
 * Throws `KeyMapFormatError` for an invalid map.
 */
export function explainRequest(keyMap: unknown, key: ExplainedKey, request: ExplainedRequest, now: () => number = Date.now): Decision {
  const presentedKeys = new PresentedKeys();
  let apiKey: string;
  if ('apiKey' in key) {
    apiKey = key.apiKey;
  } else {
    // Only the hash is known: a stand-in key whose hash the memo already holds, so the
    // directory looks up exactly that stored name. It has no `tg_` prefix: no checksum applies.
    apiKey = `stored-name:${key.storedName}`;
    presentedKeys.add(apiKey).hashedName = key.storedName;
  }
  return decide(compileSharedKeyMap(keyMap, { now, presentedKeys }), { apiKey, ...request });
}
