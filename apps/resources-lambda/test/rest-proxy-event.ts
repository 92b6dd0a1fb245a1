import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface RestRequest {
  path: string;
  version?: string;
  query?: Record<string, string>;
  companyId?: string;
}

/** A REST API proxy event as API Gateway delivers it after the Tollgate authorizer allowed it. */
export function restProxyEvent({
  path,
  version,
  query,
  companyId = '42',
}: RestRequest): APIGatewayProxyEvent {
  const resource = path === '/resources' ? '/resources' : '/resources/{id}';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Api-Key': 'sk_live_demo_acme',
  };
  if (version) headers['X-Api-Version'] = version;
  return {
    resource,
    path,
    httpMethod: 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: query ?? null,
    multiValueQueryStringParameters: query
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters:
      resource === '/resources/{id}' ? { id: path.slice('/resources/'.length) } : null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      // Authorizer context values arrive stringified.
      authorizer: { principalId: `${companyId}-7`, companyId, userId: '7', integrationLatency: 12 },
      protocol: 'HTTP/1.1',
      httpMethod: 'GET',
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.9',
        user: null,
        userAgent: 'curl/8.5.0',
        userArn: null,
      },
      path: `/prod${path}`,
      stage: 'prod',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTimeEpoch: 1_764_000_000_000,
      resourceId: 'abc123',
      resourcePath: resource,
    },
  };
}
