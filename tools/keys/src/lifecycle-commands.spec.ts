import { hashedKeyName, hasValidChecksum, keyFingerprint } from '@tollgate/authz';
import { CachingKeyMapLoader, createAuthorizer, fileKeyMapSource } from '@tollgate/authz/authorizer';
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeysCommand } from './keys-command.js';

let dir: string;
let mapFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'key-lifecycle-'));
  mapFile = join(dir, 'keys.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const NOW = Date.parse('2027-01-01T00:00:00Z');

async function keys(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCommand(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, () => NOW);
  return { code, out, err };
}

async function createKey(...extra: string[]): Promise<string> {
  const created = await keys('create', '--map', mapFile, '--company', '42', '--user', '7', ...extra);
  expect(created.code).toBe(0);
  expect(created.out).toHaveLength(1);
  return created.out[0] ?? '';
}

const RESOURCES = ['--grant', 'GET /resources?limit,cursor', '--grant', 'GET /resources/{id}'];

describe('tollgate-keys create', () => {
  it('prints a new tg_live_ key alone on stdout and stores only its sha256, creating the map file', async () => {
    const key = await createKey(...RESOURCES);
    expect(key).toMatch(/^tg_live_[0-9A-Za-z]{38}$/);
    expect(hasValidChecksum(key)).toBe(true);
    const text = await readFile(mapFile, 'utf8');
    expect(text).not.toContain(key);
    expect(JSON.parse(text)).toEqual({
      version: 2,
      plans: {},
      keys: {
        [hashedKeyName(key)]: {
          companyId: 42,
          userId: 7,
          grants: [
            { method: 'GET', path: '/resources', queryParameters: ['cursor', 'limit'] },
            { method: 'GET', path: '/resources/{id}' },
          ],
        },
      },
    });
  });

  it('adds to an existing map, with plans it defines, an expiry and a test key', async () => {
    await writeFile(mapFile, JSON.stringify({ version: 2, plans: { reader: [{ method: 'GET', path: '/resources' }] }, keys: {} }));
    const key = await createKey('--plan', 'reader', '--expires', '2027-06-30', '--env', 'test');
    expect(key.startsWith('tg_test_')).toBe(true);
    const map = JSON.parse(await readFile(mapFile, 'utf8'));
    expect(map.keys[hashedKeyName(key)]).toEqual({ companyId: 42, userId: 7, plans: ['reader'], expiresAt: '2027-06-30T00:00:00.000Z' });
    expect(map.plans).toEqual({ reader: [{ method: 'GET', path: '/resources' }] });
  });
});

describe('tollgate-keys explain', () => {
  it('answers allow or deny with the authorizer’s reason, by key or by fingerprint', async () => {
    const key = await createKey(...RESOURCES);
    const explain = async (reference: string, method: string, target: string) => (await keys('explain', '--map', mapFile, reference, method, target)).out[0];
    expect(await explain(key, 'GET', '/resources/abc')).toBe('allow');
    expect(await explain(keyFingerprint(key), 'GET', '/resources?limit=5&cursor=x')).toBe('allow');
    expect(await explain(key, 'GET', '/analytics/daily-usage')).toMatch(/^deny: no-matching-grant/);
    expect(await explain(key, 'GET', '/resources?sort=asc')).toMatch(/^deny: no-matching-grant/);
    expect(await explain(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, 'GET', '/resources/abc')).toMatch(/^deny: bad-checksum/);
    expect(await explain('sk_live_not_in_the_map', 'GET', '/resources/abc')).toMatch(/^deny: unknown-key/);
  });

  it('judges the path as sent, as the authorizer does: each segment decoded, %2F inside its segment, no dot-segment removal', async () => {
    const key = await createKey(...RESOURCES);
    const explain = async (target: string) => (await keys('explain', '--map', mapFile, key, 'GET', target)).out[0];
    expect(await explain('/resources/a%2Fb')).toBe('allow');
    expect(await explain('/%72esources/abc')).toBe('allow');
    expect(await explain('/%72esources?limit=1#top')).toBe('allow');
    expect(await explain('/resources/abc/..')).toMatch(/^deny: no-matching-grant/);
    expect(await explain('/resources/abc/x/..')).toMatch(/^deny: no-matching-grant/);
  });

  it('says expired for a key past its expiry', async () => {
    const key = await createKey(...RESOURCES, '--expires', '2026-12-31');
    expect((await keys('explain', '--map', mapFile, key, 'GET', '/resources/1')).out[0]).toMatch(/^deny: expired-key/);
  });
});

describe('tollgate-keys grant, ungrant, revoke, rotate, show', () => {
  it('grants and ungrants a key’s own grants', async () => {
    const key = await createKey('--grant', 'GET /resources/{id}');
    expect((await keys('grant', '--map', mapFile, keyFingerprint(key), '--grant', 'DELETE /resources/{id}')).code).toBe(0);
    expect((await keys('explain', '--map', mapFile, key, 'DELETE', '/resources/9')).out[0]).toBe('allow');
    expect((await keys('ungrant', '--map', mapFile, key, '--grant', 'DELETE /resources/{id}')).code).toBe(0);
    expect((await keys('explain', '--map', mapFile, key, 'DELETE', '/resources/9')).out[0]).toMatch(/^deny: no-matching-grant/);
  });

  it('revokes a key: the map no longer holds it', async () => {
    const key = await createKey(...RESOURCES);
    const other = await createKey(...RESOURCES);
    expect(await keys('revoke', '--map', mapFile, keyFingerprint(key))).toMatchObject({ code: 0, out: [`revoked key ${keyFingerprint(key)}`] });
    expect((await keys('explain', '--map', mapFile, key, 'GET', '/resources/1')).out[0]).toMatch(/^deny: unknown-key/);
    expect((await keys('explain', '--map', mapFile, other, 'GET', '/resources/1')).out[0]).toBe('allow');
  });

  it('rotates a key: a new key with the same grants, the old one expiring after the overlap', async () => {
    const old = await createKey(...RESOURCES);
    const rotated = await keys('rotate', '--map', mapFile, old, '--overlap', '24h');
    expect(rotated.code).toBe(0);
    const [fresh = ''] = rotated.out;
    expect(hasValidChecksum(fresh)).toBe(true);
    const map = JSON.parse(await readFile(mapFile, 'utf8'));
    expect(map.keys[hashedKeyName(old)].expiresAt).toBe('2027-01-02T00:00:00.000Z');
    expect(map.keys[hashedKeyName(fresh)]).toEqual({ ...map.keys[hashedKeyName(old)], expiresAt: undefined });
    expect(JSON.stringify(map)).not.toContain(fresh);
  });

  it('shows identity, plans, grants, expiry and shard', async () => {
    const key = await createKey(...RESOURCES, '--expires', '2027-06-30T12:00:00Z');
    const stored = hashedKeyName(key);
    expect((await keys('show', '--map', mapFile, key, '--shards', '16')).out).toEqual([
      `key ${keyFingerprint(key)} (${stored})`,
      'company 42, user 7',
      'plans: none',
      'grants: GET /resources?cursor,limit; GET /resources/{id}',
      'expires: 2027-06-30T12:00:00.000Z',
      `shard: shard-${String(parseInt(stored.charAt(7), 16)).padStart(3, '0')} of 16`,
      `usage id: tgu_${stored.slice(7, 47)}`,
    ]);
  });
});

describe('tollgate-keys on bad input', () => {
  it('prints one line, exits with 2 and leaves the map file exactly as it was', async () => {
    const key = await createKey(...RESOURCES);
    const before = await readFile(mapFile, 'utf8');
    for (const argv of [
      ['grant', '--map', mapFile, key, '--grant', 'GET resources'],
      ['grant', '--map', mapFile, key, '--grant', 'FETCH /resources'],
      ['grant', '--map', mapFile, key, '--grant', 'GET /resources/{'],
      ['grant', '--map', mapFile, 'tg_live_unknown', '--grant', 'GET /x'],
      ['ungrant', '--map', mapFile, key, '--grant', 'GET /never-granted'],
      ['revoke', '--map', mapFile, 'deadbeef'],
      ['revoke', mapFile, key],
      ['rotate', '--map', mapFile, key, '--overlap', 'soon'],
      ['create', '--map', mapFile, '--company', '42'],
      ['create', '--map', mapFile, '--company', '42', '--user', '1', '--plan', 'undefined-plan'],
      ['create', '--map', mapFile, '--company', '42', '--user', '1', '--expires', 'tomorrow'],
      ['create', '--map', mapFile, '--company', 'acme', '--user', '1'],
      ['show', '--map', join(dir, 'missing.json'), key],
    ]) {
      const result = await keys(...argv);
      expect({ argv, code: result.code, lines: result.err.length, out: result.out }).toEqual({ argv, code: 2, lines: 1, out: [] });
      expect(result.err[0]).toMatch(/^error: /);
      expect(result.err[0]).not.toContain(key);
    }
    expect(await readFile(mapFile, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['keys.json']);
  });

  it('refuses an unreadable map with exit code 2', async () => {
    await writeFile(mapFile, '{ not json');
    const result = await keys('create', '--map', mapFile, '--company', '42', '--user', '7');
    expect(result).toEqual({ code: 2, out: [], err: [`error: key map ${mapFile} is not valid JSON`] });
    expect(await readFile(mapFile, 'utf8')).toBe('{ not json');
  });
});

describe('tollgate-keys explain and the authorizer', () => {
  const PATHS = ['/resources', '/resources/{id}', '/analytics/{report}', '/orders/{id}/items'];
  const grantArb = fc.record({
    method: fc.constantFrom('GET', 'POST', 'DELETE'),
    path: fc.constantFrom(...PATHS),
    query: fc.subarray(['limit', 'cursor', 'sort']),
  });
  const requestArb = fc.record({
    method: fc.constantFrom('GET', 'POST', 'DELETE'),
    path: fc.constantFrom('/resources', '/resources/1', '/analytics/daily', '/orders/9/items', '/other'),
    query: fc.subarray(['limit', 'cursor', 'sort', 'x']),
  });

  it('agree on random maps and requests (allow ↔ Allow, no-matching-grant ↔ Deny, any other reason ↔ 401)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ grants: fc.array(grantArb, { maxLength: 4 }), expired: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ keyIndex: fc.nat(5), mistype: fc.boolean(), request: requestArb }), { minLength: 1, maxLength: 6 }),
        async (keySpecs, requests) => {
          await rm(mapFile, { force: true });
          const issued: string[] = [];
          for (const spec of keySpecs) {
            const grants = spec.grants.flatMap((g) => ['--grant', `${g.method} ${g.path}${g.query.length ? `?${g.query.join(',')}` : ''}`]);
            issued.push(await createKey(...grants, ...(spec.expired ? ['--expires', '2026-06-01'] : [])));
          }
          const authorizer = createAuthorizer({
            keyMaps: new CachingKeyMapLoader({ source: fileKeyMapSource(mapFile), now: () => NOW, logger: silent }),
            logger: silent,
          });
          for (const { keyIndex, mistype, request } of requests) {
            const known = issued[keyIndex];
            const key = known === undefined ? 'sk_live_unknown_key' : mistype ? `${known.slice(0, -1)}${known.endsWith('A') ? 'B' : 'A'}` : known;
            const target = `${request.path}${request.query.length ? `?${request.query.map((q) => `${q}=1`).join('&')}` : ''}`;
            const explained = (await keys('explain', '--map', mapFile, key, request.method, target)).out[0] ?? '';
            const query = Object.fromEntries(request.query.map((q) => [q, '1']));
            const event = {
              methodArn: `arn:aws:execute-api:eu-west-1:123456789012:abc/prod/${request.method}${request.path}`,
              httpMethod: request.method,
              path: request.path,
              headers: { 'X-Api-Key': key },
              queryStringParameters: request.query.length ? query : null,
              requestContext: { requestId: 'r' },
            };
            const authorized = await authorizer.authorize(event).then(
              (result) => (result.policyDocument.Statement.some((s) => s.Effect === 'Deny') ? 'Deny' : 'Allow'),
              () => '401',
            );
            const expected = explained === 'allow' ? 'Allow' : explained.startsWith('deny: no-matching-grant') ? 'Deny' : '401';
            expect({ explained, authorized }).toEqual({ explained, authorized: expected });
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
