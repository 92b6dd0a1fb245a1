import type { ApiGatewayProxyEvent } from './api-gateway-types.js';

/** A REST proxy event as API Gateway sends it, with only what a test cares about filled in. */
export function proxyEvent(
  method: string,
  path: string,
  overrides: Partial<Omit<ApiGatewayProxyEvent, 'httpMethod' | 'path'>> & { version?: string | null } = {},
): ApiGatewayProxyEvent {
  const { version = '2025-03-01', headers, ...rest } = overrides;
  return {
    httpMethod: method,
    path,
    headers: { ...(version === null ? {} : { 'X-Api-Version': version }), ...headers },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', authorizer: { companyId: '42', userId: '7' } },
    ...rest,
  };
}

export function jsonBody(result: { body: string }): unknown {
  return JSON.parse(result.body);
}
