import { hashedKeyName } from '@tollgate/authz';
import type { EditableKeyMap } from './key-map-file.js';
import { lintKeyMap } from './lint-key-map.js';
import { loadServedRoutes, type ServedRoute } from './served-routes.js';

const alice = hashedKeyName('tg_test_alice');
const bob = hashedKeyName('tg_test_bob');
const fp = (storedName: string) => storedName.slice(7, 15);

let served: ServedRoute[];
beforeAll(async () => {
  served = await loadServedRoutes();
});

describe('lintKeyMap against the route tables the domains really serve', () => {
  it('finds nothing in a map whose grants reach served routes with declared query names', () => {
    const map: EditableKeyMap = {
      plans: {
        reader: [{ method: 'GET', path: '/resources', queryParameters: ['cursor', 'limit'] }],
      },
      keys: {
        [alice]: {
          companyId: 42,
          userId: 7,
          plans: ['reader'],
          grants: [{ method: 'GET', path: '/resources/{resourceId}' }],
        },
        [bob]: {
          companyId: 43,
          userId: 9,
          grants: [{ method: 'GET', path: '/analytics/daily-usage' }],
        },
      },
    };
    expect(lintKeyMap(map, served)).toEqual([]);
  });

  it('reports unserved grants, undeclared query names, unused plans and keys without grants, by fingerprint', () => {
    const map: EditableKeyMap = {
      plans: {
        writer: [{ method: 'DELETE', path: '/resources/{id}' }],
        idle: [],
        spare: [{ method: 'GET', path: '/resources/{id}' }],
      },
      keys: {
        [alice]: {
          companyId: 42,
          userId: 7,
          plans: ['writer'],
          grants: [
            { method: 'GET', path: '/resources', queryParameters: ['limit', 'sort'] },
            { method: 'GET', path: '/resources/{id}/history' },
            { method: 'GET', path: '/analytics/{reportId}', queryParameters: ['from'] },
          ],
        },
        [bob]: { companyId: 43, userId: 9, plans: ['idle'] },
      },
    };
    expect(lintKeyMap(map, served)).toEqual([
      `key ${fp(alice)}: grant GET /resources?limit,sort: query parameter "sort" is not declared by GET /resources`,
      `key ${fp(alice)}: grant GET /resources/{id}/history: no domain serves GET /resources/{id}/history`,
      `key ${fp(alice)}: grant GET /analytics/{reportId}?from: query parameter "from" is not declared by GET /analytics/{reportId}`,
      `key ${fp(bob)}: has no grants (none of its own, none from its plans)`,
      `plan writer: grant DELETE /resources/{id}: no domain serves DELETE /resources/{id}`,
      `plan spare: used by no key`,
    ]);
  });

  it('does not guess: a RegExp route, or a query schema it cannot read, leaves that check out', () => {
    const routes: ServedRoute[] = [
      { method: 'GET', path: /^\/files\/.+$/, queryNames: [] },
      { method: 'GET', path: '/opaque', queryNames: undefined },
    ];
    const map: EditableKeyMap = {
      plans: {},
      keys: {
        [alice]: {
          companyId: 1,
          userId: 1,
          grants: [
            { method: 'GET', path: '/files/{name}' },
            { method: 'GET', path: '/opaque', queryParameters: ['anything'] },
            { method: 'POST', path: '/files/{name}' },
          ],
        },
      },
    };
    expect(lintKeyMap(map, routes)).toEqual([
      `key ${fp(alice)}: grant POST /files/{name}: no domain serves POST /files/{name}`,
    ]);
  });
});

describe('loadServedRoutes', () => {
  it('reads each route’s query names from its query schema, none without one', () => {
    const names = (method: string, path: string) =>
      served
        .filter((route) => route.method === method && route.path === path)
        .map((route) => route.queryNames);
    expect(names('GET', '/resources').length).toBeGreaterThan(0);
    for (const queryNames of names('GET', '/resources'))
      expect([...(queryNames ?? [])].sort()).toEqual(['cursor', 'limit']);
    expect(names('GET', '/analytics/{reportId}')).toContainEqual([]);
  });
});
