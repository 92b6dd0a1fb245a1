import { hashedKeyName } from '../key-map/key-names.js';
import { explainRequest } from './explain-request.js';

const KEY = 'sk_live_explain_0001';
const map = {
  version: 2,
  plans: {},
  keys: { [hashedKeyName(KEY)]: { companyId: 42, userId: 7, grants: [{ method: 'GET', path: '/resources/{id}' }] } },
};
const get = (path: string) => ({ method: 'GET', path, queryParameterNames: [] });

describe('explainRequest', () => {
  it('decides as an authorizer given the same served paths: a {id} grant does not cover a served static sibling', () => {
    const served = ['/resources/{id}', '/resources/search'];
    expect(explainRequest(map, { apiKey: KEY }, get('/resources/1'), Date.now, served).effect).toBe('Allow');
    expect(explainRequest(map, { apiKey: KEY }, get('/resources/%73earch'), Date.now, served).effect).toBe('Deny');
    expect(explainRequest(map, { storedName: hashedKeyName(KEY) }, get('/resources/search'), Date.now, served).effect).toBe('Deny');
    expect(explainRequest(map, { apiKey: KEY }, get('/resources/search')).effect).toBe('Allow');
  });
});
