import { HASHED_KEY_PREFIX } from '../key-map/key-names.js';

/** The most shards a map may have: 256 secrets × 64 KB is 16 MB, room for any 10,000 keys. */
export const MAX_SHARDS = 256;

/** Shard counts are powers of two, 1 … 256, so a shard is a fixed prefix of the hash's bits. */
export function isShardCount(count: number): boolean {
  return Number.isInteger(count) && count >= 1 && count <= MAX_SHARDS && (count & (count - 1)) === 0;
}

/**
 * The shard that holds a key, from its stored name `sha256:<hex>` (or the bare hex): the
 * hash's first byte divided by 256 / count — with 16 shards the first hex digit, with 256 the
 * first two.
 */
export function shardOfHashedName(hashedName: string, count: number): number {
  const hex = hashedName.startsWith(HASHED_KEY_PREFIX) ? hashedName.slice(HASHED_KEY_PREFIX.length) : hashedName;
  return Math.floor((parseInt(hex.slice(0, 2), 16) * count) / 256);
}

/** `shard-0a`: shard 10's name, appended to a base name (`tollgate/keys/shard-0a`, `keys/shard-0a.json`). */
export function shardName(index: number): string {
  return `shard-${index.toString(16).padStart(2, '0')}`;
}
