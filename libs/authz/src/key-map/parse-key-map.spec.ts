import { HASHED_KEY, PLAIN_KEY, keyMapJson } from '../testing/fixtures.js';
import { KeyMapFormatError } from './key-map-format-error.js';
import { hashedKeyName } from './key-names.js';
import { parseKeyMap } from './parse-key-map.js';

function issuesOf(input: unknown): readonly string[] {
  try {
    parseKeyMap(input);
  } catch (error) {
    if (error instanceof KeyMapFormatError) return error.issues;
    throw error;
  }
  throw new Error('expected a KeyMapFormatError');
}

const entry = (grant: Record<string, unknown> = { method: 'GET', path: '/resources' }) => ({
  companyId: 1,
  userId: 2,
  authorizedRequests: [grant],
});

describe('parseKeyMap', () => {
  it('accepts the version-1 format and returns a Map of entries', () => {
    const keyMap = parseKeyMap(keyMapJson);
    expect(keyMap).toBeInstanceOf(Map);
    expect(keyMap.get(PLAIN_KEY)).toEqual(keyMapJson[PLAIN_KEY]);
  });

  it('defaults absent queryParameters to none', () => {
    const keyMap = parseKeyMap(keyMapJson);
    expect(keyMap.get(hashedKeyName(HASHED_KEY))?.authorizedRequests[0]?.queryParameters).toEqual([]);
  });

  it('accepts string identities and stores sha256 names lower-cased', () => {
    const upper = `sha256:${hashedKeyName('k').slice(7).toUpperCase()}`;
    const keyMap = parseKeyMap({ [upper]: { ...entry(), companyId: 43, userId: 'u-1' } });
    expect([...keyMap.keys()]).toEqual([hashedKeyName('k')]);
  });

  it.each([
    ['not an object', [], 'key map must be a JSON object'],
    ['null', null, 'key map must be a JSON object'],
  ])('rejects a map that is %s', (_label, input, issue) => {
    expect(issuesOf(input)).toEqual([expect.stringContaining(issue)]);
  });

  it.each([
    ['unknown method', { method: 'TRACE', path: '/x' }, 'method must be one of'],
    ['lower-case method', { method: 'get', path: '/x' }, 'method must be one of'],
    ['relative path', { method: 'GET', path: 'x' }, 'path must start with "/"'],
    ['brace inside a segment', { method: 'GET', path: '/files/{id}.json' }, 'whole {name} parameter'],
    ['greedy parameter', { method: 'GET', path: '/files/{proxy+}' }, 'whole {name} parameter'],
    ['misspelt field', { method: 'GET', path: '/x', queryParams: ['a'] }, 'unknown field(s) queryParams'],
    ['empty query name', { method: 'GET', path: '/x', queryParameters: [''] }, 'too small'],
  ])('rejects a grant with %s', (_label, grant, issue) => {
    expect(issuesOf({ k: entry(grant) })).toEqual([expect.stringContaining(issue)]);
  });

  it.each([
    ['fractional userId', { userId: 1.5 }],
    ['empty userId', { userId: '' }],
  ])('rejects an entry with %s (context values must be primitives)', (_label, patch) => {
    expect(issuesOf({ k: { ...entry(), ...patch } })).toEqual([
      expect.stringContaining('expected a non-negative integer or a non-empty string'),
    ]);
  });

  it.each([['acme'], [0], [-1], [1.5], ['0'], ['042'], ['4.2'], ['1e3'], [' 42'], ['1234567890123456789'], [{ id: 1 }], [null]])(
    'rejects companyId %p: only the tenant ids the domains accept load',
    (companyId) => {
      expect(issuesOf({ k: { ...entry(), companyId } })).toEqual([expect.stringContaining('companyId must be a positive integer or a decimal string')]);
    },
  );

  it.each([[1], [42], [Number.MAX_SAFE_INTEGER], ['1'], ['42'], ['123456789012345678']])('accepts companyId %p', (companyId) => {
    expect(parseKeyMap({ k: { ...entry(), companyId } }).get('k')?.companyId).toBe(companyId);
  });

  it('rejects unknown entry fields, so a misspelt field never silently changes meaning', () => {
    expect(issuesOf({ k: { ...entry(), disabled: true } })).toEqual([expect.stringContaining('unknown field(s) disabled')]);
  });

  it.each([
    ['a malformed sha256 name', 'sha256:abc', 'followed by 64 hex'],
    ['a key with spaces', 'my key', 'printable ASCII'],
    ['an Object.prototype name', 'constructor', 'Object.prototype'],
    ['an over-long key', 'k'.repeat(257), 'longer than 256'],
  ])('rejects %s as a key', (_label, name, issue) => {
    expect(issuesOf({ [name]: entry() })).toEqual([expect.stringContaining(issue)]);
  });

  it('rejects "__proto__" as a key, as JSON.parse delivers it', () => {
    expect(issuesOf(JSON.parse(`{"__proto__": ${JSON.stringify(entry())}}`))).toEqual([
      expect.stringContaining('Object.prototype'),
    ]);
  });

  it('rejects a key stored both in plaintext and hashed, and a hash stored twice', () => {
    expect(issuesOf({ k: entry(), [hashedKeyName('k')]: entry() })).toEqual([
      expect.stringContaining('stored both in plaintext and as sha256'),
    ]);
    const hash = hashedKeyName('k');
    expect(issuesOf({ [hash]: entry(), [hash.toUpperCase().replace('SHA256', 'sha256')]: entry() })).toEqual([
      expect.stringContaining('duplicate key'),
    ]);
  });

  it('names entries by fingerprint in its issues, never by key', () => {
    const error = (() => {
      try {
        parseKeyMap({ 'sk_live_secret_value': { companyId: 1 } });
      } catch (e) {
        return e as KeyMapFormatError;
      }
      throw new Error('expected an error');
    })();
    expect(error.message).not.toContain('sk_live_secret_value');
    expect(error.message).toMatch(/entry fp:[0-9a-f]{8}\.userId: expected/);
  });

  it('reports every problem, not only the first', () => {
    expect(issuesOf({ a: entry({ method: 'X', path: '/' }), b: entry({ method: 'GET', path: 'y' }) })).toHaveLength(2);
  });
});
