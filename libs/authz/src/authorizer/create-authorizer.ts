import { decideByKeyMap, refuseBeforeLookup } from '../decision/decide.js';
import { keyFingerprint } from '../key-map/key-names.js';
import type { KeyMapProvider } from '../loader/key-map-provider.js';
import { consoleJsonLogger, type AuthzLogger } from '../logging/logger.js';
import type { AuthorizerResult } from '../policy/authorizer-result.js';
import { buildPolicy, unavailablePolicy, type PolicyResource } from '../policy/build-policy.js';
import { authorizationRequest, requestIdOf, validAuthorizerEvent, type AuthorizerEvent } from './authorizer-event.js';

export interface AuthorizerOptions {
  /** Usually a `CachingKeyMapLoader` over a file or Secrets Manager source, or a `ShardedKeyMapLoader`. */
  readonly keyMaps: KeyMapProvider;
  /** Default `method-arn`; `granted-arns` only for an authorizer with result caching on. */
  readonly policyResource?: PolicyResource;
  readonly logger?: AuthzLogger;
}

/** The Lambda REQUEST authorizer; export `authorize`, bound, as the Lambda handler. */
export interface Authorizer {
  /**
   * Missing or unknown key, two different `X-Api-Key` values, or an event not shaped as API Gateway sends it (whose `methodArn`
   * must name its `httpMethod` and `path`) → throws exactly `Error('Unauthorized')` (API
   * Gateway's 401; any other error would be a 500). Known key → an Allow or Deny policy (403). No usable key map
   * → a Deny policy, never an exception.
   */
  authorize(event: AuthorizerEvent): Promise<AuthorizerResult>;
}

export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  return new KeyMapAuthorizer(options);
}

class KeyMapAuthorizer implements Authorizer {
  private readonly keyMaps: KeyMapProvider;
  private readonly policyResource: PolicyResource;
  private readonly logger: AuthzLogger;

  constructor(options: AuthorizerOptions) {
    this.keyMaps = options.keyMaps;
    this.policyResource = options.policyResource ?? 'method-arn';
    this.logger = options.logger ?? consoleJsonLogger;
  }

  async authorize(input: AuthorizerEvent): Promise<AuthorizerResult> {
    // The event is validated, not trusted: a malformed one is a 401, never a TypeError (a 500) or an Allow.
    const event = validAuthorizerEvent(input);
    if (event === undefined) {
      this.logger.warn('unauthorized', { reason: 'malformed-event', requestId: requestIdOf(input) });
      throw new Error('Unauthorized');
    }
    const request = authorizationRequest(event);
    const requestId = event.requestContext?.requestId;
    if (request === 'conflicting-keys') {
      this.logger.warn('unauthorized', { reason: 'conflicting-keys', requestId });
      throw new Error('Unauthorized');
    }
    // A missing key, or a Tollgate-format key with a bad checksum, is refused before any I/O.
    const refused = refuseBeforeLookup(request);
    if (refused !== undefined || request.apiKey === undefined) {
      const reason = refused?.reason ?? 'missing-key';
      this.logger.info('unauthorized', reason === 'missing-key' ? { reason, requestId } : { reason, keyFingerprint: keyFingerprint(request.apiKey ?? ''), requestId });
      throw new Error('Unauthorized');
    }
    const keyMap = await this.keyMaps.keyMapFor(request.apiKey);
    if (keyMap === undefined) {
      this.logger.warn('denied', { reason: 'key-map-unavailable', keyFingerprint: keyFingerprint(request.apiKey), requestId });
      return unavailablePolicy(event.methodArn);
    }
    const decision = decideByKeyMap(keyMap, request);
    if (decision.effect === 'Unknown') {
      this.logger.info('unauthorized', { reason: decision.reason, keyFingerprint: keyFingerprint(request.apiKey), requestId });
      throw new Error('Unauthorized');
    }
    if (decision.effect === 'Deny') {
      this.logger.info('denied', {
        reason: decision.reason,
        keyFingerprint: keyFingerprint(request.apiKey),
        principalId: decision.key.principalId,
        method: request.method,
        path: request.path,
        requestId,
      });
    }
    return buildPolicy(decision, { methodArn: event.methodArn }, this.policyResource);
  }
}
