import { compileKeyMap } from '../key-map/compile-key-map.js';
import { HASHED_KEY, PLAIN_KEY, keyMapJson } from '../testing/fixtures.js';
import { decide, type AuthorizationRequest } from './decide.js';

const keyMap = compileKeyMap(keyMapJson);
const request = (overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
  apiKey: PLAIN_KEY,
  method: 'GET',
  path: '/resources/42',
  queryParameterNames: [],
  ...overrides,
});

describe('decide', () => {
  it('is Unknown (missing-key) without a key or with an empty one', () => {
    expect(decide(keyMap, request({ apiKey: undefined }))).toEqual({ effect: 'Unknown', reason: 'missing-key' });
    expect(decide(keyMap, request({ apiKey: '' }))).toEqual({ effect: 'Unknown', reason: 'missing-key' });
  });

  it('is Unknown (unknown-key) for a key not in the map', () => {
    expect(decide(keyMap, request({ apiKey: 'sk_live_nope' }))).toEqual({ effect: 'Unknown', reason: 'unknown-key' });
    expect(decide(keyMap, request({ apiKey: '__proto__' }))).toEqual({ effect: 'Unknown', reason: 'unknown-key' });
  });

  it('allows a request one of the key’s grants matches', () => {
    expect(decide(keyMap, request())).toMatchObject({ effect: 'Allow', key: { principalId: '42-7' } });
    expect(decide(keyMap, request({ path: '/resources', queryParameterNames: ['limit'] }))).toMatchObject({
      effect: 'Allow',
    });
  });

  it('denies a known key’s request that no grant matches: method, path or query name', () => {
    for (const denied of [
      request({ method: 'DELETE' }),
      request({ path: '/resources/42/secrets' }),
      request({ path: '/resources', queryParameterNames: ['limit', 'admin'] }),
    ]) {
      expect(decide(keyMap, denied)).toMatchObject({ effect: 'Deny', reason: 'no-matching-grant', key: { principalId: '42-7' } });
    }
  });

  it('judges a hashed key by its own grants', () => {
    expect(decide(keyMap, request({ apiKey: HASHED_KEY, method: 'POST', path: '/analytics/r-1' }))).toMatchObject({
      effect: 'Allow',
      key: { principalId: '43-u-1' },
    });
    expect(decide(keyMap, request({ apiKey: HASHED_KEY }))).toMatchObject({ effect: 'Deny' });
  });

  it('answers a known key with decisions made once, frozen, so a warm decision allocates nothing', () => {
    const allowed = decide(keyMap, request());
    expect(decide(keyMap, request({ path: '/resources/43' }))).toBe(allowed);
    expect(Object.isFrozen(allowed)).toBe(true);
    const denied = decide(keyMap, request({ path: '/nope' }));
    expect(decide(keyMap, request({ path: '/nope/either' }))).toBe(denied);
    expect(denied).toMatchObject({ effect: 'Deny', key: allowed.effect === 'Allow' ? allowed.key : undefined });
  });
});
