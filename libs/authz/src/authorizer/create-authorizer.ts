import { decide } from '../decide.js';
import { keyFingerprint } from '../key-map/key-names.js';
import type { KeyMapProvider } from '../loader/key-map-provider.js';
import { consoleJsonLogger, type AuthzLogger } from '../logging/logger.js';
import type { AuthorizerResult } from '../policy/authorizer-result.js';
import { buildPolicy, unavailablePolicy, type PolicyResource } from '../policy/build-policy.js';
import { authorizationRequest, type AuthorizerEvent } from './authorizer-event.js';

export interface AuthorizerOptions {
  /** Usually a `CachingKeyMapLoader` over a file or Secrets Manager source. */
  readonly keyMaps: KeyMapProvider;
  /** Default `method-arn`; `granted-arns` only for an authorizer with result caching on. */
  readonly policyResource?: PolicyResource;
  readonly logger?: AuthzLogger;
}

export type AuthorizerHandler = (event: AuthorizerEvent) => Promise<AuthorizerResult>;

/**
 * The Lambda REQUEST authorizer. Missing or unknown key → throws exactly `Error('Unauthorized')`
 * (API Gateway's 401; any other error would be a 500). Known key → an Allow or Deny policy
 * (403). No usable key map → a Deny policy, never an exception.
 */
export function createAuthorizer(options: AuthorizerOptions): AuthorizerHandler {
  const logger = options.logger ?? consoleJsonLogger;
  const policyResource = options.policyResource ?? 'method-arn';

  return async (event) => {
    const request = authorizationRequest(event);
    const requestId = event.requestContext?.requestId;
    if (request.apiKey === undefined) {
      logger.info('unauthorized', { reason: 'missing-key', requestId });
      throw new Error('Unauthorized');
    }
    const keyMap = await options.keyMaps.keyMapFor(request.apiKey);
    if (keyMap === undefined) {
      logger.warn('denied', { reason: 'key-map-unavailable', keyFingerprint: keyFingerprint(request.apiKey), requestId });
      return unavailablePolicy(event.methodArn);
    }
    const decision = decide(keyMap, request);
    if (decision.effect === 'Unknown') {
      logger.info('unauthorized', { reason: decision.reason, keyFingerprint: keyFingerprint(request.apiKey), requestId });
      throw new Error('Unauthorized');
    }
    if (decision.effect === 'Deny') {
      logger.info('denied', {
        reason: decision.reason,
        keyFingerprint: keyFingerprint(request.apiKey),
        principalId: decision.key.principalId,
        method: request.method,
        path: request.path,
        requestId,
      });
    }
    return buildPolicy(decision, { methodArn: event.methodArn, apiKey: request.apiKey }, policyResource);
  };
}
