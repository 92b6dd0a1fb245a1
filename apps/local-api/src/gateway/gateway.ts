import { randomBytes, randomUUID } from 'node:crypto';
import {
  type DomainDefinition,
  type LambdaImageDefinition,
  binaryMediaTypes as deployedBinaryMediaTypes,
  gatewayFallbackProblems,
} from '@tollgate/domain-registry';
import { createResourceMatcher } from './api-resource.js';
import { buildAuthorizerEvent } from './authorizer-event.js';
import { authorizerOutcome } from './authorizer-outcome.js';
import { isBinaryMediaType } from './binary-media-type.js';
import type { GatewayRequest } from './gateway-request.js';
import type { GatewayResponse } from './gateway-response.js';
import type { HandlerSource } from './handler-source.js';
import {
  type InvocationResult,
  describeError,
  invokeLambda,
  lambdaContext,
} from './lambda-invocation.js';
import type { GatewayLimits } from '../throttling/gateway-limits.js';
import { gatewayFallbackProblem, gatewayProblem, limitProblem } from './problem.js';
import { buildProxyEvent } from './proxy-event.js';
import { parseProxyResult } from './proxy-result.js';
import { singleHeader } from './repeated-header.js';
import { requestFacts } from './request-facts.js';
import { type StageIdentity, localFunctionName, localStage } from './stage.js';

export interface GatewayOptions {
  /** Domains and their API resources: the registry the infra app deploys from. */
  readonly registry: readonly DomainDefinition[];
  /** The Lambda that authorizes every request. */
  readonly authorizer: LambdaImageDefinition;
  readonly handlers: HandlerSource;
  readonly stage?: StageIdentity;
  /** API Gateway's integration timeout (29 s by default): beyond it the client gets a 504. */
  readonly integrationTimeoutMs?: number;
  /** The API's binary media types; the registry's (the deployed ones) by default. */
  readonly binaryMediaTypes?: readonly string[];
  /** Answers what the stage serves without a key or a Lambda (the OpenAPI documents), else undefined. */
  readonly publicRoutes?: (request: GatewayRequest, requestId: string) => GatewayResponse | undefined;
  /** The stage's throttle and the usage plans' throttles and quotas; none: unlimited. */
  readonly limits?: GatewayLimits;
}

/** The response plus what the request log needs to know about how it came about. */
export interface GatewayResult {
  readonly response: GatewayResponse;
  readonly requestId: string;
  readonly apiKey?: string;
  readonly principalId?: string;
  /** Why the gateway itself failed or refused the request, for the log only. */
  readonly reason?: string;
}

/** API Gateway rejects method ARNs longer than this with a 414. */
const maxMethodArnBytes = 1600;

/**
 * One REST API stage: resource matching → stage throttle → X-Api-Key presence → REQUEST
 * authorizer → usage plan throttle and quota → the domain Lambda's proxy integration, each
 * failure answered as API Gateway answers it, in problem+json as our gateway responses are
 * configured.
 */
export function createGateway(
  options: GatewayOptions,
): (request: GatewayRequest) => Promise<GatewayResult> {
  const stage = options.stage ?? localStage;
  const timeoutMs = options.integrationTimeoutMs ?? 29_000;
  const matchResource = createResourceMatcher(options.registry);
  const binaryMediaTypes = options.binaryMediaTypes ?? deployedBinaryMediaTypes;

  async function invoke(
    lambda: LambdaImageDefinition,
    event: unknown,
    requestId: string,
  ): Promise<InvocationResult> {
    try {
      const handler = options.handlers.handlerFor(lambda.lambdaApp);
      const context = lambdaContext(
        localFunctionName(lambda.imageName),
        requestId,
        Date.now() + timeoutMs,
        stage,
      );
      return await invokeLambda(handler, event, context, timeoutMs);
    } catch (error) {
      // A bundle that fails to load is an init error: Lambda reports it as a failed invocation.
      return { kind: 'threw', ...describeError(error) };
    }
  }

  return async (request) => {
    const requestId = randomUUID();
    const done = (result: Omit<GatewayResult, 'requestId'>): GatewayResult => ({
      ...result,
      requestId,
    });

    const published = options.publicRoutes?.(request, requestId);
    if (published) return done({ response: published });

    const matched = matchResource(request.path);
    if (!matched) {
      return done({
        response: gatewayProblem('not-found', requestId),
      });
    }
    if (options.limits?.admitToStage() === 'throttled') {
      return done({ response: limitProblem('throttled', requestId), reason: 'stage throttle' });
    }
    const apiKeyHeader = singleHeader(request, 'X-Api-Key');
    // Two different keys: neither is logged or tried; the authorizer answers this 401 in AWS.
    if (apiKeyHeader.kind === 'conflicting') {
      return done({
        response: gatewayProblem('unauthorized', requestId, 'UnauthorizedException'),
        reason: 'X-Api-Key sent more than once with different values',
      });
    }
    const apiKey = apiKeyHeader.kind === 'one' ? apiKeyHeader.value : '';
    if (!apiKey) return done({ response: gatewayProblem('missing-api-key', requestId) });

    const receivedAt = Date.now();
    const facts = requestFacts(
      request,
      matched,
      stage,
      { requestId, extendedRequestId: randomBytes(12).toString('base64') },
      receivedAt,
    );
    const authorizerEvent = buildAuthorizerEvent(facts);
    if (Buffer.byteLength(authorizerEvent.methodArn) > maxMethodArnBytes) {
      return done({
        apiKey,
        // No gateway response type of its own: DEFAULT_4XX renders it, API Gateway's status kept.
        response: gatewayFallbackProblem(
          gatewayFallbackProblems.clientError,
          414,
          'Request-URI Too Long',
          requestId,
        ),
      });
    }

    const invocation = await invoke(options.authorizer, authorizerEvent, requestId);
    const outcome = authorizerOutcome(
      invocation,
      authorizerEvent.methodArn,
      Date.now() - receivedAt,
    );
    switch (outcome.kind) {
      case 'unauthorized':
        return done({
          apiKey,
          response: gatewayProblem('unauthorized', requestId, 'UnauthorizedException'),
        });
      case 'deny':
        return done({
          apiKey,
          principalId: outcome.principalId,
          response: gatewayProblem('forbidden', requestId, 'AccessDeniedException'),
        });
      case 'failure':
        return done({
          apiKey,
          reason: outcome.reason,
          response: gatewayProblem('internal-error', requestId, 'AuthorizerConfigurationException'),
        });
      case 'allow':
        break;
    }

    const principalId = outcome.principalId;
    // API Gateway counts the request under the authorizer's usageIdentifierKey, never the key.
    if (options.limits && outcome.usageIdentifierKey !== undefined) {
      const verdict = await options.limits.admitToUsagePlan(outcome.usageIdentifierKey, apiKey);
      if (verdict !== 'admitted') {
        return done({
          apiKey,
          principalId,
          reason: `usage plan ${verdict === 'throttled' ? 'throttle' : 'quota'}`,
          response: limitProblem(verdict, requestId),
        });
      }
    }
    const result = await invoke(
      matched.domain,
      buildProxyEvent(facts, outcome.context, binaryMediaTypes),
      requestId,
    );
    if (result.kind === 'timed-out') {
      return done({
        apiKey,
        principalId,
        reason: `${matched.domain.lambdaApp} did not answer within ${timeoutMs} ms`,
        response: gatewayProblem('gateway-timeout', requestId),
      });
    }
    const parsed =
      result.kind === 'threw'
        ? {
            ok: false as const,
            // The error type only: a message can carry driver text (SQL, hosts, secrets).
            reason: `${matched.domain.lambdaApp} failed: ${result.errorType}`,
          }
        : parseProxyResult(result.value, {
            // API Gateway reads the first Accept header only.
            binaryAccepted: isBinaryMediaType(firstAccept(request), binaryMediaTypes),
          });
    if (!parsed.ok) {
      return done({
        apiKey,
        principalId,
        reason: parsed.reason,
        response: gatewayProblem('bad-gateway', requestId),
      });
    }
    return done({ apiKey, principalId, response: parsed.response });
  };
}

function firstAccept(request: GatewayRequest): string | undefined {
  return request.headerPairs.find(([name]) => name.toLowerCase() === 'accept')?.[1];
}
