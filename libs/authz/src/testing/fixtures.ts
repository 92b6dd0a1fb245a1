import type { AuthorizerEvent } from '../authorizer/authorizer-event.js';
import { GrantIndex } from '../grants/grant-index.js';
import type { CompiledKeyMap } from '../key-map/compile-key-map.js';
import { KeyDirectory, type KeyDirectoryOptions, type KeyIdentity } from '../key-map/key-directory.js';
import { hashedKeyName } from '../key-map/key-names.js';
import type { KeyStore } from '../key-map/key-store.js';
import type { AuthzLogger, LogFields } from '../logging/logger.js';

export const PLAIN_KEY = 'sk_live_abc123';
export const HASHED_KEY = 'sk_live_stored_as_hash_0001';

/** The version-1 example map, plus one key stored as sha256. */
export const keyMapJson = {
  [PLAIN_KEY]: {
    companyId: 42,
    userId: 7,
    authorizedRequests: [
      { method: 'GET', path: '/resources', queryParameters: ['limit', 'cursor'] },
      { method: 'GET', path: '/resources/{id}', queryParameters: [] },
    ],
  },
  [hashedKeyName(HASHED_KEY)]: {
    companyId: 43,
    userId: 'u-1',
    authorizedRequests: [{ method: 'POST', path: '/analytics/{reportId}' }],
  },
};

/** The same keys and grants as `keyMapJson`, in the version-2 format (so every key is hashed). */
export const keyMapV2Json = {
  version: 2,
  plans: {
    'resources-read': [
      { method: 'GET', path: '/resources', queryParameters: ['limit', 'cursor'] },
      { method: 'GET', path: '/resources/{id}' },
    ],
  },
  keys: {
    [hashedKeyName(PLAIN_KEY)]: { companyId: 42, userId: 7, plans: ['resources-read'] },
    [hashedKeyName(HASHED_KEY)]: { companyId: 43, userId: 'u-1', grants: [{ method: 'POST', path: '/analytics/{reportId}' }] },
  },
};

/** Both formats of the same map, for suites that must hold for each. */
export const keyMapFormats = [
  ['version 1', keyMapJson],
  ['version 2', keyMapV2Json],
] as const;

export const METHOD_ARN_PREFIX = 'arn:aws:execute-api:eu-west-1:123456789012:abc123def4/prod/';

export function authorizerEvent(overrides: Partial<AuthorizerEvent> & { query?: Record<string, string> } = {}): AuthorizerEvent {
  const { query, ...rest } = overrides;
  const httpMethod = rest.httpMethod ?? 'GET';
  const path = rest.path ?? '/resources/42';
  return {
    methodArn: `${METHOD_ARN_PREFIX}${httpMethod}${path}`,
    httpMethod,
    path,
    headers: { 'X-Api-Key': PLAIN_KEY },
    multiValueHeaders: {},
    queryStringParameters: query ?? null,
    multiValueQueryStringParameters: query ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])) : null,
    requestContext: { requestId: 'req-1' },
    ...rest,
  };
}

export interface LogRecord {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields | undefined;
}

/** A logger that keeps its lines, so tests can read exactly what would be logged. */
export function recordingLogger(): AuthzLogger & { readonly records: LogRecord[]; text(): string } {
  const records: LogRecord[] = [];
  return {
    records,
    info: (message, fields) => records.push({ level: 'info', message, fields }),
    warn: (message, fields) => records.push({ level: 'warn', message, fields }),
    error: (message, fields) => records.push({ level: 'error', message, fields }),
    text: () => JSON.stringify(records),
  };
}

/** The identity of a usable key in a compiled map, or undefined. */
export function identityOf(keyMap: CompiledKeyMap | undefined, key: string): KeyIdentity | undefined {
  const found = keyMap?.keys.find(key);
  return found?.known ? found.identity : undefined;
}

/** Whether a compiled map grants this key the request (false for an unusable key). */
export function allows(keyMap: CompiledKeyMap, key: string, method: string, path: string, query: readonly string[] = []): boolean {
  const found = keyMap.keys.find(key);
  return found.known && keyMap.grants.check(found, method, path, query) === 'allowed';
}

/** A compiled map over any `KeyStore` (a counting or forged one), as `compileKeyMap` builds it from a document. */
export function compileStore(store: KeyStore, options: KeyDirectoryOptions & { grants?: GrantIndex } = {}): CompiledKeyMap {
  const grants = options.grants ?? new GrantIndex();
  return { keys: new KeyDirectory(store, grants, options), grants, size: store.size, shard: store.shard };
}
