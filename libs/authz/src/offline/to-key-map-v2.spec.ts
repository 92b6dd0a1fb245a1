import { compileKeyMap } from '../key-map/compile-key-map.js';
import { KeyMapFormatError } from '../key-map/key-map-format-error.js';
import { hashedKeyName } from '../key-map/key-names.js';
import { allows, HASHED_KEY, PLAIN_KEY, keyMapJson, keyMapV2Json } from '../testing/fixtures.js';
import { toKeyMapV2 } from './to-key-map-v2.js';

describe('toKeyMapV2', () => {
  it('hashes version-1 keys and keeps each key’s grants', () => {
    const v2 = toKeyMapV2(keyMapJson);
    expect(Object.keys(v2.keys).sort()).toEqual([hashedKeyName(PLAIN_KEY), hashedKeyName(HASHED_KEY)].sort());
    expect(JSON.stringify(v2)).not.toContain(PLAIN_KEY);
    const compiled = compileKeyMap(v2);
    expect(allows(compiled, PLAIN_KEY, 'GET', '/resources', ['limit'])).toBe(true);
    expect(allows(compiled, PLAIN_KEY, 'GET', '/resources/9')).toBe(true);
    expect(allows(compiled, HASHED_KEY, 'POST', '/analytics/r')).toBe(true);
  });

  it('turns a grant list shared by several keys into one plan, whatever the order of grants and names', () => {
    const grants = (order: 1 | -1) =>
      [{ method: 'GET', path: '/a', queryParameters: ['y', 'x'] }, { method: 'PUT', path: '/b', queryParameters: [] }].sort(() => order);
    const v2 = toKeyMapV2({
      sk_one: { companyId: 1, userId: 1, authorizedRequests: grants(1) },
      sk_two: { companyId: 1, userId: 2, authorizedRequests: grants(-1) },
      sk_solo: { companyId: 1, userId: 3, authorizedRequests: [{ method: 'GET', path: '/solo' }] },
    });
    const [plan, ...more] = Object.keys(v2.plans);
    expect(more).toEqual([]);
    expect(plan).toMatch(/^grants-[0-9a-f]{8}$/);
    expect(v2.plans[plan ?? '']).toEqual([{ method: 'GET', path: '/a', queryParameters: ['x', 'y'] }, { method: 'PUT', path: '/b' }]);
    expect(v2.keys[hashedKeyName('sk_one')]).toEqual({ companyId: 1, userId: 1, plans: [plan] });
    expect(v2.keys[hashedKeyName('sk_solo')]).toEqual({ companyId: 1, userId: 3, grants: [{ method: 'GET', path: '/solo' }] });
  });

  it('passes a valid version-2 map through, without its shard marker', () => {
    expect(toKeyMapV2({ ...keyMapV2Json, shard: { index: 0, count: 2 } })).toEqual(keyMapV2Json);
  });

  it('validates every entry of a version-2 map, which a load would leave for first use', () => {
    const broken = { ...keyMapV2Json, keys: { ...keyMapV2Json.keys, [hashedKeyName('x')]: { companyId: 1, userId: 1, plans: ['missing'] } } };
    expect(() => toKeyMapV2(broken)).toThrow(KeyMapFormatError);
    expect(() => toKeyMapV2(broken)).toThrow('plan "missing" is not defined');
  });
});
