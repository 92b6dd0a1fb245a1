import {
  type GatewayFallbackProblem,
  type GatewayProblemBody,
  type GatewayProblemSlug,
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
  problemContentType,
} from '@tollgate/domain-registry';
import type { GatewayResponse } from './gateway-response.js';

function problemResponse(
  status: number,
  body: GatewayProblemBody,
  errorType: string | undefined,
): GatewayResponse {
  // Gateway answers depend on the caller's key: no cache may keep one for another caller.
  const headers: Record<string, string[]> = {
    'Content-Type': [problemContentType],
    'Cache-Control': ['no-store'],
  };
  if (errorType) headers['x-amzn-ErrorType'] = [errorType];
  return { statusCode: status, headers, body: Buffer.from(JSON.stringify(body)) };
}

/**
 * A problem from the registry's gateway catalogue, the body our deployed gateway responses
 * render, with `x-amzn-ErrorType` where API Gateway adds one.
 */
export function gatewayProblem(
  slug: GatewayProblemSlug,
  requestId: string,
  errorType?: string,
): GatewayResponse {
  const problem = gatewayProblems[slug];
  return problemResponse(problem.status, gatewayProblemBody(problem, requestId), errorType);
}

/** An error the catalogue leaves to a DEFAULT_* family: API Gateway's status and message. */
export function gatewayFallbackProblem(
  fallback: GatewayFallbackProblem,
  status: number,
  message: string,
  requestId: string,
): GatewayResponse {
  return problemResponse(status, gatewayFallbackBody(fallback, requestId, message), undefined);
}

/**
 * API Gateway's THROTTLED and QUOTA_EXCEEDED answers (429), which DEFAULT_4XX renders with API
 * Gateway's own message. API Gateway sends no `Retry-After` with them, so neither does this.
 */
export function limitProblem(
  verdict: 'throttled' | 'quota-exceeded',
  requestId: string,
): GatewayResponse {
  const message = verdict === 'throttled' ? 'Too Many Requests' : 'Limit Exceeded';
  return gatewayFallbackProblem(gatewayFallbackProblems.clientError, 429, message, requestId);
}
