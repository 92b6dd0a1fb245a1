import { HASHED_KEY, PLAIN_KEY, keyMapV2Json } from '../testing/fixtures.js';
import { KeyMapFormatError } from './key-map-format-error.js';
import { hashedKeyName } from './key-names.js';
import { parseKeyMapV2 } from './parse-key-map-v2.js';

function issuesOf(input: unknown): readonly string[] {
  try {
    parseKeyMapV2(input);
  } catch (error) {
    if (error instanceof KeyMapFormatError) return error.issues;
    throw error;
  }
  throw new Error('expected a KeyMapFormatError');
}

const KEY = hashedKeyName('sk_live_v2');
const map = (patch: Record<string, unknown> = {}, entry: Record<string, unknown> = { companyId: 1, userId: 2, plans: ['read'] }) => ({
  version: 2,
  plans: { read: [{ method: 'GET', path: '/resources' }] },
  keys: { [KEY]: entry },
  ...patch,
});

describe('parseKeyMapV2', () => {
  it('reads plans once, with absent queryParameters as none, and counts the keys', () => {
    const store = parseKeyMapV2(keyMapV2Json);
    expect(store.size).toBe(2);
    expect(store.plans.get('resources-read')).toEqual([
      { method: 'GET', path: '/resources', queryParameters: ['limit', 'cursor'] },
      { method: 'GET', path: '/resources/{id}', queryParameters: [] },
    ]);
  });

  it('returns an entry by its stored name, with its plans, own grants and flags', () => {
    const store = parseKeyMapV2(keyMapV2Json);
    expect(store.entry(hashedKeyName(PLAIN_KEY))).toEqual({
      companyId: 42, userId: 7, plans: ['resources-read'], grants: [], disabled: false, expiresAt: undefined,
    });
    expect(store.entry(hashedKeyName(HASHED_KEY))).toMatchObject({ plans: [], grants: [{ method: 'POST', path: '/analytics/{reportId}', queryParameters: [] }] });
    expect(parseKeyMapV2(map({}, { companyId: 1, userId: 2, disabled: true, expiresAt: '2027-01-31T12:00:00+01:00' })).entry(KEY)).toMatchObject({
      disabled: true,
      expiresAt: Date.parse('2027-01-31T11:00:00Z'),
    });
  });

  it('knows only stored names: never a plaintext key or an Object.prototype name', () => {
    const store = parseKeyMapV2(keyMapV2Json);
    for (const name of [PLAIN_KEY, '__proto__', 'constructor', 'toString', hashedKeyName('other')]) expect(store.entry(name)).toBeUndefined();
  });

  it('validates an entry only when asked for it: a malformed entry does not fail the load', () => {
    const store = parseKeyMapV2(map({}, { companyId: 1, plans: ['nope'], extra: true }));
    expect(store.size).toBe(1);
    expect(store.entry(KEY)).toEqual({
      issues: [expect.stringMatching(/^entry sha256:[0-9a-f]{8}….userId: expected/), expect.stringMatching(/^entry sha256:[0-9a-f]{8}…: unknown field\(s\) extra$/)],
    });
  });

  it.each([
    ['a plan it does not define', { companyId: 1, userId: 2, plans: ['write'] }, 'plan "write" is not defined'],
    ['a bad expiresAt', { companyId: 1, userId: 2, expiresAt: 'tomorrow' }, 'expiresAt must be an ISO 8601 date-time'],
    ['an expiresAt without offset', { companyId: 1, userId: 2, expiresAt: '2027-01-31T00:00:00' }, 'expiresAt must be an ISO 8601'],
    ['an object companyId', { companyId: { id: 1 }, userId: 2 }, 'companyId must be a positive integer or a decimal string'],
    ['a companyId that is a name', { companyId: 'acme', userId: 2 }, 'companyId must be a positive integer or a decimal string'],
    ['companyId 0', { companyId: 0, userId: 2 }, 'companyId must be a positive integer or a decimal string'],
    ['a bad own grant', { companyId: 1, userId: 2, grants: [{ method: 'GET', path: 'x' }] }, 'path must start with "/"'],
  ])('finds an entry with %s invalid', (_label, entry, issue) => {
    expect(parseKeyMapV2(map({}, entry)).entry(KEY)).toEqual({ issues: [expect.stringContaining(issue)] });
  });

  it('validateAll reports every invalid entry, by fingerprint only', () => {
    const other = hashedKeyName('sk_live_other');
    const store = parseKeyMapV2(map({ keys: { [KEY]: { companyId: 1 }, [other]: { companyId: 1, userId: 1, plans: ['x'] } } }));
    const issues = store.validateAll();
    expect(issues).toHaveLength(2);
    expect(issues.join()).not.toContain('sk_live');
  });

  it.each([
    ['an unsupported version', { version: 3 }, 'unsupported key map version 3 (expected 2)'],
    ['a plaintext key', { keys: { sk_live_plain: {} } }, 'a key must be stored as "sha256:" and 64 lower-case hex'],
    ['an upper-case hash', { keys: { [KEY.toUpperCase().replace('SHA256', 'sha256')]: {} } }, 'lower-case hex'],
    ['a bad plan grant', { plans: { read: [{ method: 'TRACE', path: '/' }] } }, 'method must be one of'],
    ['a bad plan name', { plans: { 'no spaces': [] } }, 'plan names are'],
    ['an unknown field', { owner: 'me' }, 'unknown field(s) owner'],
    ['keys as an array', { keys: [] }, 'keys must be an object'],
    ['a shard index past the count', { shard: { index: 4, count: 4 } }, 'shard index must be less than the shard count'],
    ['too many shards', { shard: { index: 0, count: 257 } }, 'shard count must be a whole number from 1 to 256'],
  ])('rejects a map with %s', (_label, patch, issue) => {
    expect(issuesOf(map(patch))).toEqual([expect.stringContaining(issue)]);
  });

  it('keeps the shard a document says it is', () => {
    expect(parseKeyMapV2(map({ shard: { index: 3, count: 4 } })).shard).toEqual({ index: 3, count: 4 });
  });
});
