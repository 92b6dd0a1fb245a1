import type { ApiGatewayProxyEvent } from '@tollgate/router';

export interface ProxyEventInit {
  path: string;
  version?: string;
  query?: Record<string, string>;
  /** The authorizer context as API Gateway delivers it; `null` for none. */
  authorizer?: Record<string, unknown> | null;
}

/** A REST proxy event (payload 1.0) as API Gateway sends it after the authorizer allowed it. */
export function proxyEvent({
  path,
  version,
  query,
  authorizer = { companyId: '42', userId: '7' },
}: ProxyEventInit): ApiGatewayProxyEvent {
  return {
    httpMethod: 'GET',
    path,
    resource: path.startsWith('/resources/') ? '/resources/{id}' : '/resources',
    headers: version ? { 'X-Api-Version': version } : {},
    queryStringParameters: query ?? null,
    body: null,
    requestContext: {
      requestId: 'req-test-1',
      authorizer: authorizer && { principalId: '42-7', ...authorizer },
    },
  };
}
