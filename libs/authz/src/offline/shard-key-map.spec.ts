import type { Grant } from '../grants/grant.js';
import { hashedKeyName } from '../key-map/key-names.js';
import { shardName, shardOfHashedName } from '../key-map/shards.js';
import { keyMapV2Json } from '../testing/fixtures.js';
import { shardKeyMap } from './shard-key-map.js';

/** 3,000 keys in the version-1 format: 20 grant sets shared by many keys, some keys with their own. (The 10,000-key round trip through the tool is tools/keys' test.) */
function bigMap() {
  const templates = ['/resources', '/resources/{id}', '/orders/{id}/lines', '/analytics/{reportId}', '/companies/{c}/users/{u}'];
  const methods = ['GET', 'POST', 'PUT', 'DELETE'] as const;
  const sets: Grant[][] = Array.from({ length: 20 }, (_, s) =>
    Array.from({ length: 20 }, (_, g) => ({ method: methods[(s + g) % 4] ?? 'GET', path: `${templates[g % 5] ?? '/'}/v${s}`, queryParameters: g % 3 === 0 ? ['limit'] : [] })),
  );
  const map: Record<string, { companyId: number; userId: number; authorizedRequests: Grant[] }> = {};
  for (let i = 0; i < 3_000; i++) {
    const key = `sk_live_${i.toString(36).padStart(6, '0')}_roundtrip`;
    const own = i % 10 === 0 ? [{ method: 'GET' as const, path: `/own/${i}`, queryParameters: [] }] : [];
    map[i % 2 === 0 ? key : hashedKeyName(key)] = { companyId: 1000 + (i % 300), userId: i, authorizedRequests: own.length > 0 ? own : (sets[i % 20] ?? []) };
  }
  return map;
}

describe('shardKeyMap', () => {
  it('writes the fewest shards that each fit, each key in the shard its hash selects, with only the plans it uses', () => {
    const map = bigMap();
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
    expect(shards.reduce((sum, shard) => sum + shard.keys, 0)).toBe(3_000);
  });

  it('uses a given shard count', () => {
    expect(shardKeyMap(keyMapV2Json, { shards: 4 }).map((shard) => shard.name)).toEqual(['shard-000', 'shard-001', 'shard-002', 'shard-003']);
    expect(() => shardKeyMap(keyMapV2Json, { shards: 0 })).toThrow('shard count must be a whole number from 1 to 256');
  });
});
