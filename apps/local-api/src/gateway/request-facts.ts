import type { APIGatewayEventRequestContextWithAuthorizer } from 'aws-lambda';
import type { MatchedResource } from './api-resource.js';
import { type GatewayRequest, type ValueMaps, queryPairs, toValueMaps } from './gateway-request.js';
import { type StageIdentity, requestTime, resourceId } from './stage.js';

/** What both events of one request share: they carry the same request id and maps. */
export interface RequestFacts {
  readonly request: GatewayRequest;
  readonly matched: MatchedResource;
  readonly stage: StageIdentity;
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly receivedAt: number;
  readonly headers: ValueMaps;
  readonly query: ValueMaps;
}

export function requestFacts(
  request: GatewayRequest,
  matched: MatchedResource,
  stage: StageIdentity,
  ids: { requestId: string; extendedRequestId: string },
  receivedAt: number,
): RequestFacts {
  return {
    request,
    matched,
    stage,
    ...ids,
    receivedAt,
    headers: toValueMaps(withForwardedHeaders(request)),
    query: toValueMaps(queryPairs(request.rawQuery)),
  };
}

/** API Gateway appends the caller to `X-Forwarded-For` and states the protocol it received. */
function withForwardedHeaders(request: GatewayRequest): (readonly [string, string])[] {
  const pairs = [...request.headerPairs];
  const forwardedFor = pairs.findLastIndex(([name]) => name.toLowerCase() === 'x-forwarded-for');
  const previous = pairs[forwardedFor];
  if (previous) pairs[forwardedFor] = [previous[0], `${previous[1]}, ${request.sourceIp}`];
  else pairs.push(['X-Forwarded-For', request.sourceIp]);
  if (!pairs.some(([name]) => name.toLowerCase() === 'x-forwarded-proto')) {
    pairs.push(['X-Forwarded-Proto', 'http']);
  }
  return pairs;
}

export function requestContext(
  facts: RequestFacts,
): APIGatewayEventRequestContextWithAuthorizer<undefined> {
  const { request, matched, stage } = facts;
  const userAgent = facts.headers.single['User-Agent'] ?? facts.headers.single['user-agent'];
  return {
    resourceId: resourceId(matched.resource),
    resourcePath: matched.resource,
    httpMethod: request.method,
    extendedRequestId: facts.extendedRequestId,
    requestTime: requestTime(facts.receivedAt),
    // Through the custom domain (base path mapping onto the stage, no base path) AWS reports the
    // path as the client sent it, without the stage: localstack/localstack#12295.
    path: request.path,
    accountId: stage.accountId,
    protocol: request.protocol,
    stage: stage.stage,
    domainPrefix: request.host.split(/[.:]/)[0] ?? request.host,
    requestTimeEpoch: facts.receivedAt,
    requestId: facts.requestId,
    identity: {
      cognitoIdentityPoolId: null,
      accountId: null,
      cognitoIdentityId: null,
      caller: null,
      apiKey: null,
      apiKeyId: null,
      principalOrgId: null,
      sourceIp: request.sourceIp,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: null,
      userAgent: userAgent ?? null,
      user: null,
      accessKey: null,
      clientCert: null,
    },
    domainName: request.host,
    apiId: stage.apiId,
    authorizer: undefined,
  };
}
