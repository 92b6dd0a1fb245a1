/** What a test states about a request; everything else gets API Gateway's usual values. */
export interface ProxyEventInit {
  /** Default `GET`. */
  readonly method?: string;
  /** The request path as the client sent it after the stage/base path, e.g. `/resources/42`. */
  readonly path: string;
  /** Sent as `X-Api-Version`; omitted when undefined. */
  readonly version?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  /**
   * What a Lambda authorizer put in its `context` (API Gateway delivers every value as a
   * string). Default: none (`null`), as for a method without an authorizer.
   */
  readonly authorizer?: Readonly<Record<string, unknown>> | null;
  /**
   * The API's resource template, e.g. `/resources/{id}` or `/analytics/{proxy+}`; path
   * parameters are taken from `path` by it. Default: `path` itself, with no parameters.
   */
  readonly resource?: string;
  /** Default `c6af9ac6-7b61-11e6-9a41-93e8deadbeef`. */
  readonly requestId?: string;
  /** Default `prod`. */
  readonly stage?: string;
}

type StringMap = { [name: string]: string | undefined };
type StringListMap = { [name: string]: string[] | undefined };

/**
 * A complete REST API proxy event (payload 1.0), field for field what `APIGatewayProxyEvent`
 * from `@types/aws-lambda` declares, so it can be passed to any handler typed with it.
 */
export interface RestProxyEvent {
  resource: string;
  path: string;
  httpMethod: string;
  headers: StringMap;
  multiValueHeaders: StringListMap;
  queryStringParameters: StringMap | null;
  multiValueQueryStringParameters: StringListMap | null;
  pathParameters: StringMap | null;
  stageVariables: StringMap | null;
  body: string | null;
  isBase64Encoded: boolean;
  requestContext: RestProxyRequestContext;
}

export interface RestProxyRequestContext {
  accountId: string;
  apiId: string;
  authorizer: { [name: string]: unknown } | null;
  protocol: string;
  httpMethod: string;
  identity: RestProxyIdentity;
  path: string;
  stage: string;
  requestId: string;
  requestTimeEpoch: number;
  resourceId: string;
  resourcePath: string;
}

export interface RestProxyIdentity {
  accessKey: string | null;
  accountId: string | null;
  apiKey: string | null;
  apiKeyId: string | null;
  caller: string | null;
  clientCert: null;
  cognitoAuthenticationProvider: string | null;
  cognitoAuthenticationType: string | null;
  cognitoIdentityId: string | null;
  cognitoIdentityPoolId: string | null;
  principalOrgId: string | null;
  sourceIp: string;
  user: string | null;
  userAgent: string | null;
  userArn: string | null;
}

const listed = (map: Readonly<Record<string, string>>): StringListMap =>
  Object.fromEntries(Object.entries(map).map(([name, value]) => [name, [value]]));

/**
 * `{name}` takes one segment, `{name+}` the rest of the path, each percent-decoded (a malformed
 * escape kept as sent), as API Gateway fills `pathParameters` and the router decodes parameters.
 */
function pathParametersOf(resource: string, path: string): StringMap | null {
  const templates = resource.split('/');
  const segments = path.split('/');
  const params: StringMap = {};
  templates.forEach((template, i) => {
    const name = /^\{(.+?)(\+)?\}$/.exec(template);
    if (!name?.[1]) return;
    const raw = name[2] ? segments.slice(i).join('/') : segments[i];
    params[name[1]] = raw === undefined ? undefined : decodeOrRaw(raw);
  });
  return Object.keys(params).length > 0 ? params : null;
}

function decodeOrRaw(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A REST API proxy event as API Gateway (Lambda proxy integration) sends it, for tests of
 * handlers built with `ApiRouter` or any other `APIGatewayProxyEvent` handler:
 * `proxyEvent({ method: 'POST', path: '/notes', version: '2025-03-01', body: '{"text":"hi"}' })`.
 */
export function proxyEvent(init: ProxyEventInit): RestProxyEvent {
  const { method = 'GET', path, version, query, body = null, authorizer = null, resource = path } = init;
  const stage = init.stage ?? 'prod';
  const headers: Record<string, string> = { ...init.headers };
  if (version !== undefined) headers['X-Api-Version'] = version;
  return {
    resource,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: listed(headers),
    queryStringParameters: query ? { ...query } : null,
    multiValueQueryStringParameters: query ? listed(query) : null,
    pathParameters: pathParametersOf(resource, path),
    stageVariables: null,
    body,
    isBase64Encoded: init.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      authorizer: authorizer && { ...authorizer },
      protocol: 'HTTP/1.1',
      httpMethod: method,
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
        userAgent: headers['User-Agent'] ?? null,
        userArn: null,
      },
      path: `/${stage}${path}`,
      stage,
      requestId: init.requestId ?? 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTimeEpoch: 1_764_000_000_000,
      resourceId: 'abc123',
      resourcePath: resource,
    },
  };
}
