// Public API of @tollgate/authz. Everything exported here is supported; nothing else is.

// Pure core
export { compileKeyMap } from './key-map/compile-key-map.js';
export type { CompileKeyMapOptions } from './key-map/compile-key-map.js';
export { parseKeyMap } from './key-map/parse-key-map.js';
export { KEY_MAP_VERSION, parseKeyMapV2 } from './key-map/parse-key-map-v2.js';
export type { KeyMapV2Store } from './key-map/parse-key-map-v2.js';
export { GRANT_METHODS } from './key-map/key-map.js';
export type {
  Grant,
  GrantMethod,
  IdentityValue,
  KeyEntry,
  KeyEntryV2,
  KeyMap,
  KeyMapV2Document,
  ShardInfo,
  StoredGrant,
} from './key-map/key-map.js';
export type { InvalidEntry, KeyStore, StoredKey } from './key-map/key-store.js';
export { hashedKeyName, keyFingerprint } from './key-map/key-names.js';
export { compileGrants } from './grants/compile-grants.js';
export { GrantTable } from './grants/grant-table.js';
export type { CompiledGrants } from './grants/compile-grants.js';
export { CompiledKeyMap } from './key-map/compiled-key-map.js';
export type { CompiledKeyMapOptions, KeyIdentity, KeyIndex, UnknownKeyReason } from './key-map/compiled-key-map.js';
export { decide } from './decide.js';
export type { AuthorizationRequest, Decision } from './decide.js';
export { buildPolicy, unavailablePolicy } from './policy/build-policy.js';
export type { PolicyRequest, PolicyResource } from './policy/build-policy.js';
export type { AuthorizerResult, PolicyStatement } from './policy/authorizer-result.js';

// Sharding (offline: the shard tool and checks)
export { isShardCount, MAX_SHARDS, shardName, shardOfHashedName } from './sharding/shard-of.js';
export { toKeyMapV2 } from './sharding/to-key-map-v2.js';
export { DEFAULT_MAX_SHARD_BYTES, SECRET_SIZE_LIMIT, shardKeyMap } from './sharding/shard-key-map.js';
export type { KeyMapShard, ShardKeyMapOptions } from './sharding/shard-key-map.js';
export { checkKeyMapShards } from './sharding/check-key-map-shards.js';
export type { ShardCheckReport, ShardText } from './sharding/check-key-map-shards.js';

// Errors
export { KeyMapFormatError, KeyMapSourceError } from './errors.js';

// Key map sources and loading
export type { KeyMapSource } from './sources/key-map-source.js';
export { fileKeyMapSource } from './sources/file-key-map-source.js';
export { secretsManagerKeyMapSource, secretsManagerShardSources } from './sources/secrets-manager-key-map-source.js';
export type {
  SecretsManagerClientLike,
  SecretsManagerKeyMapSourceOptions,
} from './sources/secrets-manager-key-map-source.js';
export type { KeyMapProvider } from './loader/key-map-provider.js';
export {
  CachingKeyMapLoader,
  DEFAULT_GRACE_MS,
  DEFAULT_RETRY_AFTER_MS,
  DEFAULT_TTL_MS,
} from './loader/caching-key-map-loader.js';
export type { CachingKeyMapLoaderOptions } from './loader/caching-key-map-loader.js';
export { ShardedKeyMapLoader } from './loader/sharded-key-map-loader.js';
export type { ShardedKeyMapLoaderOptions } from './loader/sharded-key-map-loader.js';

// The Lambda authorizer
export { createAuthorizer } from './authorizer/create-authorizer.js';
export type { AuthorizerHandler, AuthorizerOptions } from './authorizer/create-authorizer.js';
export { authorizationRequest } from './authorizer/authorizer-event.js';
export type { AuthorizerEvent } from './authorizer/authorizer-event.js';

// Logging
export { consoleJsonLogger } from './logging/logger.js';
export type { AuthzLogger, LogFields } from './logging/logger.js';
