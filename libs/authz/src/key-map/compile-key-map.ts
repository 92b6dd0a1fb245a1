import { GrantIndex } from '../grants/grant-index.js';
import type { ShardInfo } from './format.js';
import { KeyDirectory } from './key-directory.js';
import { KeyMapFormatError } from './key-map-format-error.js';
import { keyStoreOf } from './key-store.js';
import { isVersionedKeyMap, parseKeyMapV2 } from './parse-key-map-v2.js';
import { parseKeyMap } from './parse-key-map.js';
import type { PresentedKeys } from './presented-keys.js';
import { shardName } from './shards.js';
import type { UsageIdentifiers } from './usage-plans.js';

/**
 * A loaded key map (or shard), ready for decisions: a directory of its keys and the index of
 * their grants. Build one with `compileKeyMap`; `decide` reads it.
 */
export interface CompiledKeyMap {
  /** Presented key → a known key or why it is unknown. */
  readonly keys: KeyDirectory;
  /** Known key + method + path + query names → allowed or why not. */
  readonly grants: GrantIndex;
  /** Number of stored keys (usable or not). */
  readonly size: number;
  /** Which shard of a sharded map this is; undefined for a whole map. */
  readonly shard: ShardInfo | undefined;
}

export interface CompileKeyMapOptions {
  /** Clock for `expiresAt`; default `Date.now`. */
  readonly now?: () => number;
  /** Told the issues of a stored entry found invalid on its first use (once per entry). */
  readonly onInvalidEntry?: (issues: readonly string[]) => void;
  /** The shard this document must be (a sharded source's shard): anything else is rejected. */
  readonly shard?: ShardInfo;
  /** The API's path templates (see `GrantIndexOptions`); ignored when a shared `grants` index is given, which has its own. */
  readonly servedPaths?: readonly string[];
  /** What the Allow's `usageIdentifierKey` is: one per key (default) or one per usage plan. */
  readonly usageIdentifiers?: UsageIdentifiers;
}

/** What a loader shares between the maps it compiles (its reloads, or all shards of a map). */
export interface SharedCompilation {
  /**
   * Compiled grants shared with other maps, so that equal plans compile once and decisions in
   * any of them touch the same small, cached structure. Default: an index of its own.
   */
  readonly grants?: GrantIndex;
  /** The memo of presented keys, so a key is hashed once however many maps judge it. */
  readonly presentedKeys?: PresentedKeys;
}

/**
 * Parses a key map in either format — version 2 (`{ "version": 2, plans, keys }`) or
 * version 1 (`{ "<key>": { companyId, userId, authorizedRequests } }`) — and compiles it.
 * Throws `KeyMapFormatError`.
 */
export function compileKeyMap(input: unknown, options: CompileKeyMapOptions = {}): CompiledKeyMap {
  return compileSharedKeyMap(input, options);
}

/** `compileKeyMap` for a loader: the map shares compiled grants and the presented-key memo with the loader's other maps. */
export function compileSharedKeyMap(input: unknown, options: CompileKeyMapOptions & SharedCompilation): CompiledKeyMap {
  const store = isVersionedKeyMap(input) ? parseKeyMapV2(input) : keyStoreOf(parseKeyMap(input));
  const expected = options.shard;
  if (expected !== undefined && (store.shard?.index !== expected.index || store.shard.count !== expected.count)) {
    const found = store.shard === undefined ? 'no shard' : `${shardName(store.shard.index)} of ${store.shard.count}`;
    throw new KeyMapFormatError([`expected ${shardName(expected.index)} of ${expected.count}, found ${found}`]);
  }
  const grants = options.grants ?? new GrantIndex({ servedPaths: options.servedPaths });
  return { keys: new KeyDirectory(store, grants, options), grants, size: store.size, shard: store.shard };
}
