import { hashedKeyName, isPresentableKey } from '../key-map/key-names.js';
import { GrantTable } from '../grants/grant-table.js';
import { CompiledKeyMap } from '../key-map/compiled-key-map.js';
import { keyStoreOf } from '../key-map/key-store.js';
import { isShardCount, MAX_SHARDS, shardOfHashedName } from '../sharding/shard-of.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import { CachingKeyMapLoader, type CachingKeyMapLoaderOptions } from './caching-key-map-loader.js';
import type { KeyMapProvider } from './key-map-provider.js';

export interface ShardedKeyMapLoaderOptions extends Omit<CachingKeyMapLoaderOptions, 'source' | 'shard'> {
  /** How many shards the map has, 1 to 256 (`API_KEYS_SHARDS`). */
  readonly shardCount: number;
  /** The source of shard `index` (e.g. the secret `<base>/shard-007`); called once per shard, on its first use. */
  readonly sourceFor: (index: number) => KeyMapSource;
}

/**
 * A key map spread over several sources, each holding the keys whose sha256 falls in its
 * shard's range (`shardOfHashedName`). A presented key loads only its own shard — one source
 * call on a cold start — and each shard is cached on its own with the TTL, grace and retry
 * rules of `CachingKeyMapLoader`.
 */
export class ShardedKeyMapLoader implements KeyMapProvider {
  private readonly shardCount: number;
  private readonly loaders: (CachingKeyMapLoader | undefined)[];
  /**
   * Presented key → shard, so a warm request does not hash its key again. Bounded: cleared
   * when full, so a flood of random keys costs hashing, never memory.
   */
  private readonly shardOfKey = new Map<string, number>();
  /** Compiled grants for all shards: a plan compiles once, and every decision touches the same small structure. */
  private readonly grants: GrantTable;

  constructor(private readonly options: ShardedKeyMapLoaderOptions) {
    if (!isShardCount(options.shardCount)) throw new RangeError(`shardCount must be a whole number from 1 to ${MAX_SHARDS}`);
    this.shardCount = options.shardCount;
    this.loaders = new Array<CachingKeyMapLoader | undefined>(this.shardCount);
    this.grants = options.grants ?? new GrantTable();
  }

  keyMapFor(apiKey: string): Promise<CompiledKeyMap | undefined> {
    // Nothing to fetch for a string that can never be a key: answer "unknown key" at once.
    if (!isPresentableKey(apiKey)) return Promise.resolve(NO_KEYS);
    return this.loader(this.shardOf(apiKey)).keyMapFor(apiKey);
  }

  /** The shard a presented key belongs to. */
  shardOf(apiKey: string): number {
    let shard = this.shardOfKey.get(apiKey);
    if (shard === undefined) {
      shard = shardOfHashedName(hashedKeyName(apiKey), this.shardCount);
      if (this.shardOfKey.size >= SHARD_MEMO_LIMIT) this.shardOfKey.clear();
      this.shardOfKey.set(apiKey, shard);
    }
    return shard;
  }

  private loader(index: number): CachingKeyMapLoader {
    let loader = this.loaders[index];
    if (loader === undefined) {
      const { shardCount, sourceFor, ...caching } = this.options;
      loader = new CachingKeyMapLoader({ ...caching, source: sourceFor(index), shard: { index, count: shardCount }, grants: this.grants });
      this.loaders[index] = loader;
    }
    return loader;
  }
}

const SHARD_MEMO_LIMIT = 16_384;
const NO_KEYS: CompiledKeyMap = new CompiledKeyMap(keyStoreOf(new Map()));
