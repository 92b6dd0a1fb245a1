// @tollgate/authz/offline — tools that run before a map is stored: convert, shard, check.
export { toKeyMapV2 } from './to-key-map-v2.js';
export { DEFAULT_MAX_SHARD_BYTES, shardKeyMap } from './shard-key-map.js';
export type { KeyMapShard } from './shard-key-map.js';
export { checkKeyMapShards } from './check-key-map-shards.js';
export type { ShardCheckReport } from './check-key-map-shards.js';
export { shardName, shardOfHashedName } from '../key-map/shards.js';
export { explainRequest } from './explain-request.js';
export type { ExplainedKey, ExplainedRequest } from './explain-request.js';
