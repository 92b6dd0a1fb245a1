import {
  CachingKeyMapLoader,
  createAuthorizer,
  fileKeyMapSource,
  secretsManagerKeyMapSource,
  type AuthorizerHandler,
  type AuthzLogger,
  type SecretsManagerClientLike,
} from '@tollgate/authz';
import type { AuthorizerConfig } from './config.js';

export interface AuthorizerDependencies {
  readonly logger?: AuthzLogger;
  /** Tests pass a mocked client; in AWS the source creates one on first load. */
  readonly secretsManagerClient?: SecretsManagerClientLike;
}

/** Wires the configured key-map source, cache and policy scope into the authorizer handler. */
export function authorizerFromConfig(config: AuthorizerConfig, dependencies: AuthorizerDependencies = {}): AuthorizerHandler {
  const { keyMapSource } = config;
  const source =
    keyMapSource.kind === 'file'
      ? fileKeyMapSource(keyMapSource.path)
      : secretsManagerKeyMapSource({ secretId: keyMapSource.secretId, client: dependencies.secretsManagerClient });
  return createAuthorizer({
    keyMaps: new CachingKeyMapLoader({ source, ttlMs: config.cacheTtlMs, graceMs: config.graceMs, logger: dependencies.logger }),
    policyResource: config.policyResource,
    logger: dependencies.logger,
  });
}
