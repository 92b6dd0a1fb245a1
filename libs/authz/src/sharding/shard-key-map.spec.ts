import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide } from '../decide.js';
import { compileKeyMap } from '../key-map/compile-key-map.js';
import { hashedKeyName } from '../key-map/key-names.js';
import type { Grant } from '../key-map/key-map.js';
import { ShardedKeyMapLoader } from '../loader/sharded-key-map-loader.js';
import { fileKeyMapSource } from '../sources/file-key-map-source.js';
import { keyMapV2Json, recordingLogger } from '../test-support/fixtures.test-support.js';
import { checkKeyMapShards } from './check-key-map-shards.js';
import { SECRET_SIZE_LIMIT, shardKeyMap } from './shard-key-map.js';
import { shardName, shardOfHashedName } from './shard-of.js';

/** 10,000 keys in DESIGN.md's format: 20 grant sets shared by many keys, some keys with their own. */
function bigMap() {
  const templates = ['/resources', '/resources/{id}', '/orders/{id}/lines', '/analytics/{reportId}', '/companies/{c}/users/{u}'];
  const methods = ['GET', 'POST', 'PUT', 'DELETE'] as const;
  const sets: Grant[][] = Array.from({ length: 20 }, (_, s) =>
    Array.from({ length: 20 }, (_, g) => ({ method: methods[(s + g) % 4] ?? 'GET', path: `${templates[g % 5] ?? '/'}/v${s}`, queryParameters: g % 3 === 0 ? ['limit'] : [] })),
  );
  const map: Record<string, { companyId: number; userId: number; authorizedRequests: Grant[] }> = {};
  const keys: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const key = `sk_live_${i.toString(36).padStart(6, '0')}_roundtrip`;
    keys.push(key);
    const own = i % 10 === 0 ? [{ method: 'GET' as const, path: `/own/${i}`, queryParameters: [] }] : [];
    map[i % 2 === 0 ? key : hashedKeyName(key)] = { companyId: 1000 + (i % 300), userId: i, authorizedRequests: own.length > 0 ? own : (sets[i % 20] ?? []) };
  }
  return { map, keys };
}

describe('shardKeyMap', () => {
  it('writes the fewest shards that each fit, each key in the shard its hash selects, with only the plans it uses', () => {
    const { map } = bigMap();
    const shards = shardKeyMap(map, { maxShardBytes: 60_000 });
    expect(shards.length).toBeGreaterThan(1);
    expect(Math.max(...shards.map((shard) => shard.bytes))).toBeLessThanOrEqual(60_000);
    expect(() => shardKeyMap(map, { shards: shards.length - 1, maxShardBytes: 60_000 })).toThrow(
      `the map does not fit ${shards.length - 1} shards of at most 60000 bytes; ${shards.length} shards would do`,
    );
    for (const shard of shards) {
      expect(shard.document.shard).toEqual({ index: shard.index, count: shards.length });
      expect(shard.name).toBe(shardName(shard.index));
      expect(Buffer.byteLength(shard.json)).toBe(shard.bytes);
      for (const name of Object.keys(shard.document.keys)) expect(shardOfHashedName(name, shards.length)).toBe(shard.index);
      const used = new Set(Object.values(shard.document.keys).flatMap((entry) => entry.plans ?? []));
      expect(new Set(Object.keys(shard.document.plans))).toEqual(used);
    }
    expect(shards.reduce((sum, shard) => sum + shard.keys, 0)).toBe(10_000);
  });

  it('uses a given shard count', () => {
    expect(shardKeyMap(keyMapV2Json, { shards: 4 }).map((shard) => shard.name)).toEqual(['shard-000', 'shard-001', 'shard-002', 'shard-003']);
    expect(() => shardKeyMap(keyMapV2Json, { shards: 0 })).toThrow('shard count must be a whole number from 1 to 256');
  });

  it('round-trips a 10,000-key map: written shards pass the check and every key decides as in the original', async () => {
    const { map, keys } = bigMap();
    const shards = shardKeyMap(map);
    const dir = await mkdtemp(join(tmpdir(), 'authz-roundtrip-'));
    try {
      await Promise.all(shards.map((shard) => writeFile(join(dir, `${shard.name}.json`), shard.json)));
      const stored = await Promise.all(shards.map(async (shard) => ({ name: `${shard.name}.json`, text: await readFile(join(dir, `${shard.name}.json`), 'utf8') })));
      const report = checkKeyMapShards(stored);
      expect(report).toMatchObject({ errors: [], shardCount: shards.length, keys: 10_000 });
      expect(Math.max(...stored.map((shard) => Buffer.byteLength(shard.text)))).toBeLessThan(SECRET_SIZE_LIMIT);

      const logger = recordingLogger();
      const loader = new ShardedKeyMapLoader({ shardCount: shards.length, sourceFor: (index) => fileKeyMapSource(join(dir, `${shardName(index)}.json`)), logger });
      const original = compileKeyMap(map);
      const requests = [
        { method: 'GET', path: '/resources/v3', queryParameterNames: ['limit'] },
        { method: 'DELETE', path: '/resources/1/v3', queryParameterNames: [] },
        { method: 'PUT', path: '/orders/9/lines/v17', queryParameterNames: [] },
        { method: 'GET', path: '/own/20', queryParameterNames: [] },
      ];
      const outcome = (decision: ReturnType<typeof decide>) => (decision.effect === 'Unknown' ? decision.reason : `${decision.effect} ${decision.key.principalId}`);
      const effects = new Set<string>();
      for (const apiKey of keys) {
        const keyMap = await loader.keyMapFor(apiKey);
        if (keyMap === undefined) throw new Error('shard did not load');
        for (const request of requests) {
          const expected = outcome(decide(original, { apiKey, ...request }));
          expect(outcome(decide(keyMap, { apiKey, ...request }))).toBe(expected);
          effects.add(expected.split(' ')[0] ?? '');
        }
      }
      expect([...effects].sort()).toEqual(['Allow', 'Deny']);
      expect(logger.records.filter((record) => record.message === 'key map loaded')).toHaveLength(shards.length);
      expect(logger.records.filter((record) => record.level !== 'info')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
