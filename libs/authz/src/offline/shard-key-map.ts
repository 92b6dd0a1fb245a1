import type { KeyEntryV2, KeyMapV2Document, StoredGrant } from '../key-map/format.js';
import { MAX_SHARDS, isShardCount, shardName, shardOfHashedName } from '../key-map/shards.js';
import { toKeyMapV2 } from './to-key-map-v2.js';

/** A Secrets Manager secret value holds at most 65,536 bytes. */
export const SECRET_SIZE_LIMIT = 65_536;
/** Default largest shard the shard tool writes: ~8 % below the limit, room to add keys by hand. */
export const DEFAULT_MAX_SHARD_BYTES = 60_000;

export interface KeyMapShard {
  readonly index: number;
  /** `shard-007`: the secret is `<base>/shard-007`, the file `shard-007.json`. */
  readonly name: string;
  readonly document: KeyMapV2Document;
  /** The document as minified JSON: what to store. */
  readonly json: string;
  readonly bytes: number;
  readonly keys: number;
}

export interface ShardKeyMapOptions {
  /** Shard count to use (1 to 256); default: the fewest shards that each fit `maxShardBytes`. */
  readonly shards?: number;
  readonly maxShardBytes?: number;
}

/**
 * Splits a whole key map (either format) into version-2 shards by each key's sha256 (see
 * `shardOfHashedName`), the fewest that each fit `maxShardBytes` unless a count is given;
 * each shard carries only the plans its keys use. Throws `KeyMapFormatError`
 * for an invalid map and `RangeError` when the map does not fit (naming the count that would).
 */
export function shardKeyMap(input: unknown, options: ShardKeyMapOptions = {}): KeyMapShard[] {
  const maxBytes = options.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES;
  if (options.shards !== undefined && !isShardCount(options.shards)) {
    throw new RangeError(`shard count must be a whole number from 1 to ${MAX_SHARDS}, got ${options.shards}`);
  }
  const document = toKeyMapV2(input);
  // Every shard repeats the plans it uses, so the whole map's size is a lower bound.
  const fewest = Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(document)) / maxBytes));
  for (let count = options.shards ?? Math.min(fewest, MAX_SHARDS); count <= MAX_SHARDS; count++) {
    const shards = split(document, count);
    if (shards.every((shard) => shard.bytes <= maxBytes)) {
      if (options.shards !== undefined && count !== options.shards) {
        throw new RangeError(`the map does not fit ${options.shards} shards of at most ${maxBytes} bytes; ${count} shards would do`);
      }
      return shards;
    }
  }
  throw new RangeError(`the map does not fit ${MAX_SHARDS} shards of at most ${maxBytes} bytes`);
}

function split(document: KeyMapV2Document, count: number): KeyMapShard[] {
  const buckets = Array.from({ length: count }, () => [] as Array<[string, KeyEntryV2]>);
  for (const name of Object.keys(document.keys).sort()) {
    const entry = document.keys[name];
    if (entry !== undefined) buckets[shardOfHashedName(name, count)]?.push([name, entry]);
  }
  return buckets.map((entries, index) => {
    const plans: Record<string, readonly StoredGrant[]> = {};
    for (const [, entry] of entries) {
      for (const plan of entry.plans ?? []) plans[plan] ??= document.plans[plan] ?? [];
    }
    const shard: KeyMapV2Document = { version: 2, shard: { index, count }, plans, keys: Object.fromEntries(entries) };
    const json = JSON.stringify(shard);
    return { index, name: shardName(index), document: shard, json, bytes: Buffer.byteLength(json), keys: entries.length };
  });
}
