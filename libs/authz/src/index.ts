// @tollgate/authz — the core: compile a key map, decide a request, build the policy; key names
// and the format's types. The Lambda side is `@tollgate/authz/authorizer`, the offline shard
// tools `@tollgate/authz/offline`. Everything exported here is supported; nothing else is.
export { compileKeyMap } from './key-map/compile-key-map.js';
export type { CompiledKeyMap } from './key-map/compile-key-map.js';
export { decide } from './decision/decide.js';
export { API_KEY_LENGTH, generateApiKey, hasApiKeyPrefix, hasValidChecksum } from './key-map/api-key-format.js';
export type { ApiKeyEnvironment } from './key-map/api-key-format.js';
export type { AuthorizationRequest, Decision, PresentedKeyReason, Refused } from './decision/decide.js';
export type { KeyIdentity, UnknownKeyReason } from './key-map/key-directory.js';
export { buildPolicy } from './policy/build-policy.js';
export type { AuthorizerResult } from './policy/authorizer-result.js';
export { hashedKeyName, keyFingerprint, usageIdentifierOf } from './key-map/key-names.js';
export { DEFAULT_USAGE_PLAN, isPlanName, usageIdentifierFor, usageIdentifierOfPlan, usagePlanOf } from './key-map/usage-plans.js';
export type { UsageIdentifiers } from './key-map/usage-plans.js';
export { isShardCount, MAX_SHARDS } from './key-map/shards.js';
export { companyIdPattern, isCompanyId } from './key-map/company-id.js';
export { KeyMapFormatError } from './key-map/key-map-format-error.js';
export type { Grant } from './grants/grant.js';
export type { KeyMapV2Document } from './key-map/format.js';
