import { HASHED_KEY_PREFIX } from './key-names.js';

/** The most shards a map may have: 256 secrets × 64 KB is 16 MB, room for any 10,000 keys. */
export const MAX_SHARDS = 256;

export function isShardCount(count: number): boolean {
  return Number.isInteger(count) && count >= 1 && count <= MAX_SHARDS;
}

/**
 * The shard that holds a key, from its stored name `sha256:<hex>` (or the bare hex): the
 * hash's first 32 bits, as a number, scaled to `0 … count-1` — shard `i` holds the hashes from
 * `i/count` to `(i+1)/count` of the hash space. Any count works; with 16 shards this is the
 * first hex digit.
 */
export function shardOfHashedName(hashedName: string, count: number): number {
  const hex = hashedName.startsWith(HASHED_KEY_PREFIX) ? hashedName.slice(HASHED_KEY_PREFIX.length) : hashedName;
  return Math.floor((parseInt(hex.slice(0, 8), 16) * count) / 2 ** 32);
}

/** `shard-007`: shard 7's name, appended to a base name (`tollgate/keys/shard-007`, `keys/shard-007.json`). */
export function shardName(index: number): string {
  return `shard-${String(index).padStart(3, '0')}`;
}
