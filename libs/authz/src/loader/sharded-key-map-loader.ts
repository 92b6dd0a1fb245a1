import { GrantIndex } from '../grants/grant-index.js';
import { compileKeyMap, type CompiledKeyMap } from '../key-map/compile-key-map.js';
import { isPresentableKey } from '../key-map/key-names.js';
import { PresentedKeys } from '../key-map/presented-keys.js';
import { MAX_SHARDS, isShardCount, shardOfHashedName } from '../key-map/shards.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import { CachingKeyMapLoader, type CachingKeyMapLoaderOptions } from './caching-key-map-loader.js';
import type { KeyMapProvider } from './key-map-provider.js';

export interface ShardedKeyMapLoaderOptions extends Omit<CachingKeyMapLoaderOptions, 'source'> {
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
   * Presented key → its hash, its shard and what its shard's directory says of it: one memo
   * for the shard pick and the decision, so a key is hashed once and a warm request reads it once.
   */
  private readonly presentedKeys = new PresentedKeys();
  /** Compiled grants for all shards: a plan compiles once, and every decision touches the same small structure. */
  private readonly grants: GrantIndex;

  constructor(private readonly options: ShardedKeyMapLoaderOptions) {
    if (!isShardCount(options.shardCount)) throw new RangeError(`shardCount must be a whole number from 1 to ${MAX_SHARDS}`);
    this.shardCount = options.shardCount;
    this.grants = new GrantIndex({ servedPaths: options.servedPaths });
    this.loaders = new Array<CachingKeyMapLoader | undefined>(this.shardCount);
  }

  keyMapFor(apiKey: string): Promise<CompiledKeyMap | undefined> {
    const shard = this.shardOf(apiKey);
    // Nothing to fetch for a string that can never be a key: answer "unknown key" at once.
    return shard === -1 ? Promise.resolve(NO_KEYS) : this.loader(shard).keyMapFor(apiKey);
  }

  /** The shard a presented key belongs to; -1 for a string that cannot be a key. */
  shardOf(apiKey: string): number {
    let record = this.presentedKeys.find(apiKey);
    if (record === undefined) {
      if (!isPresentableKey(apiKey)) return -1;
      record = this.presentedKeys.add(apiKey);
    }
    if (record.shard === -1) record.shard = shardOfHashedName(this.presentedKeys.hashedName(record), this.shardCount);
    this.presentedKeys.handOff(apiKey, record);
    return record.shard;
  }

  private loader(index: number): CachingKeyMapLoader {
    let loader = this.loaders[index];
    if (loader === undefined) {
      const { shardCount, sourceFor, ...caching } = this.options;
      loader = new CachingKeyMapLoader(
        { ...caching, source: sourceFor(index) },
        { shard: { index, count: shardCount }, grants: this.grants, presentedKeys: this.presentedKeys },
      );
      this.loaders[index] = loader;
    }
    return loader;
  }
}

const NO_KEYS: CompiledKeyMap = compileKeyMap({});
