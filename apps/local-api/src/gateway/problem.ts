import type { GatewayResponse } from './gateway-response.js';

/** Problem types the gateway itself answers with (the domain Lambdas answer the rest). */
const titles = {
  'missing-api-key': 'Missing API Key',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  'not-found': 'Not Found',
  'payload-too-large': 'Payload Too Large',
  'uri-too-long': 'URI Too Long',
  'internal-error': 'Internal Server Error',
  'bad-gateway': 'Bad Gateway',
  'gateway-timeout': 'Gateway Timeout',
} as const;

export type GatewayProblemSlug = keyof typeof titles;

const statuses: Record<GatewayProblemSlug, number> = {
  'missing-api-key': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'internal-error': 500,
  'bad-gateway': 502,
  'gateway-timeout': 504,
};

/**
 * An RFC 9457 response as our API Gateway's gateway responses produce it (CDK templates), with
 * `x-amzn-ErrorType` where API Gateway adds one.
 */
export function gatewayProblem(
  slug: GatewayProblemSlug,
  detail: string,
  errorType?: string,
): GatewayResponse {
  const status = statuses[slug];
  const body = {
    type: `https://tollgate.dev/problems/${slug}`,
    title: titles[slug],
    status,
    detail,
  };
  const headers: Record<string, string[]> = { 'Content-Type': ['application/problem+json'] };
  if (errorType) headers['x-amzn-ErrorType'] = [errorType];
  return { statusCode: status, headers, body: Buffer.from(JSON.stringify(body)) };
}
