import { hashedKeyName } from './key-names.js';
import { isShardCount, shardName, shardOfHashedName } from './shards.js';

const hashed = (prefix: string) => `sha256:${prefix.padEnd(64, '0')}`;

describe('shardOfHashedName', () => {
  it('splits the hash space into equal ranges, in order', () => {
    expect(shardOfHashedName(hashed('00000000'), 38)).toBe(0);
    expect(shardOfHashedName(hashed('ffffffff'), 38)).toBe(37);
    expect(shardOfHashedName(hashed('80000000'), 2)).toBe(1);
    expect(shardOfHashedName(hashed('7fffffff'), 2)).toBe(0);
  });

  it('is the first hex digit with 16 shards, and accepts the bare hex', () => {
    expect(shardOfHashedName(hashed('a3'), 16)).toBe(10);
    expect(shardOfHashedName('a3'.padEnd(64, '0'), 16)).toBe(10);
  });

  it('puts every key in exactly one shard', () => {
    const shards = new Set(Array.from({ length: 2000 }, (_, i) => shardOfHashedName(hashedKeyName(`k${i}`), 7)));
    expect([...shards].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('shard counts and names', () => {
  it('allows 1 to 256 shards', () => {
    expect([1, 38, 256].map(isShardCount)).toEqual([true, true, true]);
    expect([0, 257, 2.5, Number.NaN].map(isShardCount)).toEqual([false, false, false, false]);
  });

  it('names shards with three digits', () => {
    expect([0, 7, 255].map(shardName)).toEqual(['shard-000', 'shard-007', 'shard-255']);
  });
});
