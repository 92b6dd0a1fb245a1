import { KeyMapFormatError } from '../errors.js';
import { shardName } from '../sharding/shard-of.js';
import { CompiledKeyMap, type CompiledKeyMapOptions } from './compiled-key-map.js';
import type { ShardInfo } from './key-map.js';
import { keyStoreOf } from './key-store.js';
import { isVersionedKeyMap, parseKeyMapV2 } from './parse-key-map-v2.js';
import { parseKeyMap } from './parse-key-map.js';

export interface CompileKeyMapOptions extends CompiledKeyMapOptions {
  /** The shard this document must be (a sharded source's shard): anything else is rejected. */
  readonly shard?: ShardInfo;
}

/**
 * Parses a key map in either format — version 2 (`{ "version": 2, plans, keys }`) or
 * DESIGN.md's `{ "<key>": { companyId, userId, authorizedRequests } }` — and compiles it.
 * Throws `KeyMapFormatError`.
 */
export function compileKeyMap(input: unknown, options: CompileKeyMapOptions = {}): CompiledKeyMap {
  const store = isVersionedKeyMap(input) ? parseKeyMapV2(input) : keyStoreOf(parseKeyMap(input));
  const expected = options.shard;
  if (expected !== undefined && (store.shard?.index !== expected.index || store.shard.count !== expected.count)) {
    const found = store.shard === undefined ? 'no shard' : `${shardName(store.shard.index)} of ${store.shard.count}`;
    throw new KeyMapFormatError([`expected ${shardName(expected.index)} of ${expected.count}, found ${found}`]);
  }
  return new CompiledKeyMap(store, options);
}
