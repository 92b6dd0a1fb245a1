import type { CompiledKeyMap } from '../key-map/compile-key-map.js';

/**
 * Gives the authorizer the key map to judge a presented key against, or undefined when no
 * usable map is available (the authorizer then fails closed). The key is passed so that a
 * provider may pick among several maps (e.g. shards by key hash); a single map ignores it.
 */
export interface KeyMapProvider {
  keyMapFor(apiKey: string): Promise<CompiledKeyMap | undefined>;
}
