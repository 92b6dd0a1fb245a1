import type { Grant } from '../grants/grant.js';
import type { KeyEntryV2, KeyMapV2Document, StoredGrant } from '../key-map/format.js';
import { KeyMapFormatError } from '../key-map/key-map-format-error.js';
import { HASHED_KEY_PREFIX, hashedKeyName, sha256Hex } from '../key-map/key-names.js';
import { KEY_MAP_VERSION, isVersionedKeyMap, parseKeyMapV2 } from '../key-map/parse-key-map-v2.js';
import { parseKeyMap } from '../key-map/parse-key-map.js';

/**
 * A whole key map in either format as a fully validated version-2 document (no `shard`):
 * what offline tools work on. A version-1 map's keys are hashed, and grant lists shared by
 * several keys become plans named `grants-<8 hex of their content>`. Unlike a load, this
 * validates every entry. Throws `KeyMapFormatError`.
 */
export function toKeyMapV2(input: unknown): KeyMapV2Document {
  if (isVersionedKeyMap(input)) {
    const issues = parseKeyMapV2(input).validateAll();
    if (issues.length > 0) throw new KeyMapFormatError(issues);
    // Validated: the input has exactly the documented shape.
    const { plans, keys } = input as unknown as KeyMapV2Document;
    return { version: KEY_MAP_VERSION, plans, keys };
  }
  const keyMap = parseKeyMap(input);
  const grantLists = new Map<string, { grants: readonly StoredGrant[]; users: number }>();
  const listIdOf = (grants: readonly Grant[]) => {
    const stored = grants.map(storedGrant).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const id = JSON.stringify(stored);
    const list = grantLists.get(id) ?? { grants: stored, users: 0 };
    list.users++;
    grantLists.set(id, list);
    return id;
  };
  const listIds = new Map([...keyMap].map(([name, entry]) => [name, listIdOf(entry.authorizedRequests)]));
  const plans: Record<string, readonly StoredGrant[]> = {};
  const keys: Record<string, KeyEntryV2> = {};
  for (const [name, entry] of keyMap) {
    const id = listIds.get(name) ?? '';
    const list = grantLists.get(id);
    const shared = list !== undefined && list.users > 1 && list.grants.length > 0;
    const planName = `grants-${sha256Hex(id).slice(0, 8)}`;
    if (shared) plans[planName] = list.grants;
    const { companyId, userId } = entry;
    const pin = entry.apiVersion === undefined ? {} : { apiVersion: entry.apiVersion };
    keys[name.startsWith(HASHED_KEY_PREFIX) ? name : hashedKeyName(name)] = shared
      ? { companyId, userId, plans: [planName], ...pin }
      : { companyId, userId, grants: list?.grants ?? [], ...pin };
  }
  return { version: KEY_MAP_VERSION, plans, keys };
}

/** The compact stored form: `queryParameters` only when there are some, sorted. */
function storedGrant(grant: Grant): StoredGrant {
  return grant.queryParameters.length === 0
    ? { method: grant.method, path: grant.path }
    : { method: grant.method, path: grant.path, queryParameters: [...grant.queryParameters].sort() };
}
