import { compileKeyMap, decide, hashedKeyName } from '@tollgate/authz';
import { fileKeyMapSource, ShardedKeyMapLoader } from '@tollgate/authz/authorizer';
import { shardName } from '@tollgate/authz/offline';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runKeysCommand } from './keys-command.js';

const workspaceRoot = join(__dirname, '../../..');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'key-tools-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function keys(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCommand(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A key map in the plain (version 1) format, half its keys stored in plaintext, on 25 shared
 * grant sets and some keys' own. 2,000 keys make a dozen shards, which is all the round trip
 * needs; the 10,000-key capacity figures come from `npx nx run authz:bench`.
 */
const KEY_COUNT = 2_000;
function manyKeys() {
  const sets = Array.from({ length: 25 }, (_, s) =>
    Array.from({ length: 20 }, (_, g) => ({
      method: (['GET', 'POST', 'PUT', 'DELETE'] as const)[(s + g) % 4],
      path: `/${['resources', 'orders', 'analytics', 'companies'][g % 4]}/{id}/v${s}/${g}`,
      ...(g % 3 === 0 ? { queryParameters: ['limit', 'cursor'] } : {}),
    })),
  );
  const apiKeys = Array.from({ length: KEY_COUNT }, (_, i) => `sk_live_${i.toString(36).padStart(6, '0')}_cli_roundtrip`);
  const map = Object.fromEntries(
    apiKeys.map((key, i) => [
      i % 2 === 0 ? key : hashedKeyName(key),
      { companyId: 1 + (i % 400), userId: i, authorizedRequests: i % 7 === 0 ? [{ method: 'GET', path: `/own/${i}` }] : (sets[i % 25] ?? []) },
    ]),
  );
  return { map, apiKeys };
}

// Whole-map work (parse, shard, check, reload) takes seconds on a busy machine: a wide limit.
const heavyTimeoutMs = 120_000;

describe('keys shard / check', () => {
  it('round-trips a many-key map: every shard under 64 KB, the check passes, every key decides as before', async () => {
    const { map, apiKeys } = manyKeys();
    const mapFile = join(dir, 'map.json');
    await writeFile(mapFile, JSON.stringify(map));
    const out = join(dir, 'shards');

    const sharded = await keys('shard', mapFile, '--out', out);
    expect(sharded).toMatchObject({ code: 0, err: '' });
    const files = (await readdir(out)).sort();
    expect(files.length).toBeGreaterThan(5);
    expect(sharded.out).toContain(`wrote ${files.length} shard(s) to ${out}: 2,000 keys`);
    expect(sharded.out).toContain(`API_KEYS_SHARDS=${files.length}`);
    for (const file of files) expect(Buffer.byteLength(await readFile(join(out, file)))).toBeLessThanOrEqual(60_000);
    expect(JSON.stringify(await Promise.all(files.map((file) => readFile(join(out, file), 'utf8'))))).not.toContain('sk_live_');

    expect(await keys('check', out)).toEqual({ code: 0, out: `ok: ${files.length} shard file(s) of ${files.length}, 2,000 keys, 0 error(s), 0 warning(s)`, err: '' });

    const loader = new ShardedKeyMapLoader({ shardCount: files.length, sourceFor: (index) => fileKeyMapSource(join(out, `${shardName(index)}.json`)), logger: silent });
    const original = compileKeyMap(map);
    const requests = [
      { method: 'GET', path: '/resources/1/v0/0', queryParameterNames: ['limit'] },
      { method: 'DELETE', path: '/companies/9/v1/3', queryParameterNames: [] },
      { method: 'GET', path: '/own/7', queryParameterNames: [] },
    ];
    const outcome = (decision: ReturnType<typeof decide>) => (decision.effect === 'Unknown' ? decision.reason : `${decision.effect} ${decision.key.principalId}`);
    let allowed = 0;
    const differing: string[] = [];
    for (const apiKey of apiKeys) {
      const keyMap = await loader.keyMapFor(apiKey);
      if (keyMap === undefined) throw new Error('shard did not load');
      for (const request of requests) {
        const expected = outcome(decide(original, { apiKey, ...request }));
        const actual = outcome(decide(keyMap, { apiKey, ...request }));
        if (actual !== expected) differing.push(`${request.method} ${request.path}: ${actual}, expected ${expected}`);
        if (expected.startsWith('Allow')) allowed++;
      }
    }
    expect(differing).toEqual([]);
    expect(allowed).toBeGreaterThan(20);
  }, heavyTimeoutMs);

  it('replaces the shards of an earlier run and honours --shards', async () => {
    const mapFile = join(dir, 'map.json');
    await writeFile(mapFile, JSON.stringify({ sk_live_a: { companyId: 1, userId: 1, authorizedRequests: [] } }));
    expect((await keys('shard', mapFile, '--out', dir, '--shards', '5')).code).toBe(0);
    expect((await keys('shard', mapFile, '--out', dir, '--shards', '2')).code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['map.json', 'shard-000.json', 'shard-001.json']);
  });

  it('fails the check, exit code 1, naming each problem', async () => {
    const shard = { version: 2, shard: { index: 0, count: 2 }, plans: {}, keys: { [hashedKeyName('k')]: { companyId: 1, userId: 1, plans: ['gone'] } } };
    await writeFile(join(dir, 'shard-000.json'), JSON.stringify(shard));
    const result = await keys('check', dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('plan "gone" is not defined');
    expect(result.err).toContain('missing shard(s) of 2: shard-001');
    expect(result.out).toMatch(/^FAILED: 1 shard file\(s\) of 2, 1 keys, \d+ error\(s\)/);
  });

  it('reports an invalid map by fingerprint and a map too big for the given shards, without a stack trace', async () => {
    const mapFile = join(dir, 'map.json');
    await writeFile(mapFile, JSON.stringify({ sk_live_secret_value: { companyId: 1 } }));
    const invalid = await keys('shard', mapFile, '--out', dir);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^error: entry fp:[0-9a-f]{8}\.userId: expected/);
    expect(invalid.err).not.toContain('sk_live_secret_value');

    await writeFile(mapFile, JSON.stringify(manyKeys().map));
    const tooBig = await keys('shard', mapFile, '--out', dir, '--shards', '2');
    expect(tooBig).toMatchObject({ code: 1, err: expect.stringMatching(/^error: the map does not fit 2 shards of at most 60000 bytes; \d+ shards would do$/) });

    await writeFile(mapFile, '{"sk_live_secret_value": ');
    expect(await keys('shard', mapFile, '--out', dir)).toMatchObject({ code: 1, err: `error: ${mapFile} is not valid JSON` });
    expect((await keys('shard', join(dir, 'missing.json'), '--out', dir)).err).toMatch(/^error: ENOENT/);
  }, heavyTimeoutMs);

  it('locates a key’s stored name and shard', async () => {
    const stored = hashedKeyName('sk_live_abc123');
    const located = await keys('locate', 'sk_live_abc123', '--shards', '16');
    expect(located).toEqual({ code: 0, out: `${stored} shard-${String(parseInt(stored.charAt(7), 16)).padStart(3, '0')}`, err: '' });
    expect((await keys('locate', stored.toUpperCase().replace('SHA256', 'sha256'), '--shards', '16')).out).toBe(located.out);
  });

  it('runs the README’s commands as printed, from the repository root', async () => {
    const readme = await readFile(join(workspaceRoot, 'tools/keys/README.md'), 'utf8');
    const lines = [...readme.matchAll(/^keys (.+?)\s+#/gm)].map((match) => (match[1] ?? '').split(/\s+/));
    expect(lines.map((argv) => argv[0])).toEqual(['shard', 'shard', 'lint', 'check', 'locate', '--help']);
    for (const argv of lines) {
      // Paths are the README's, against the repository root; tmp/keys becomes this test's directory.
      const resolved = argv.map((arg) => (arg === 'tmp/keys' ? dir : arg.endsWith('.json') ? join(workspaceRoot, arg) : arg));
      expect({ argv, ...(await keys(...resolved)) }).toMatchObject({ argv, code: 0, err: '' });
    }
  });

  it('prints its usage on stdout with exit code 0 when asked for help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await keys(...argv);
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toMatch(/^usage: tollgate-keys <command>/);
      expect(result.out).toContain("\n  tollgate-keys shard ");
    }
  });

  it('is the bin npx runs as tollgate-keys, exiting 0 for --help', async () => {
    const manifest = JSON.parse(await readFile(join(workspaceRoot, 'tools/keys/package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ 'tollgate-keys': 'bin/tollgate-keys.mjs' });
    const run = spawnSync(process.execPath, [join(workspaceRoot, 'tools/keys', manifest.bin['tollgate-keys']), '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: tollgate-keys <command>/);
  }, 90_000);

  it('answers usage errors with exit code 2', async () => {
    for (const argv of [[], ['nope'], ['shard', 'map.json'], ['check'], ['locate', 'k'], ['locate', 'k', '--shards', '0'], ['shard', 'm', '--out', 'd', '--bogus']]) {
      const result = await keys(...argv);
      expect(result.code).toBe(2);
      expect(result.err).toContain('usage:');
    }
  });
});
