import type { DomainDefinition } from '@tollgate/domain-registry';
import type { MatchedResource } from './api-resource.js';
import { buildAuthorizerEvent } from './authorizer-event.js';
import type { GatewayRequest } from './gateway-request.js';
import { buildProxyEvent } from './proxy-event.js';
import { requestFacts } from './request-facts.js';
import { localStage } from './stage.js';

const domain: DomainDefinition = {
  name: 'resources',
  lambdaApp: 'resources-lambda',
  imageName: 'resources',
  runtime: { aws: {}, local: {} },
  basePaths: ['/resources'],
  apiResources: ['/resources', '/resources/{proxy+}'],
};
const request = (overrides: Partial<GatewayRequest> = {}): GatewayRequest => ({
  method: 'GET',
  path: '/resources/a%2Bb',
  rawQuery: 'limit=2&tag=x&tag=y&empty',
  headerPairs: [
    ['Host', '127.0.0.1:3000'],
    ['X-Api-Key', 'sk_test'],
    ['Accept', 'text/plain'],
    ['accept', 'application/json'],
    ['User-Agent', 'curl/8'],
  ],
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  host: '127.0.0.1:3000',
  ...overrides,
});
const receivedAt = Date.UTC(2026, 10, 24, 15, 45, 7);
const facts = (
  req = request(),
  matched: MatchedResource = {
    domain,
    resource: '/resources/{proxy+}',
    pathParameters: { proxy: 'a+b' },
  },
) =>
  requestFacts(
    req,
    matched,
    localStage,
    { requestId: 'req-1', extendedRequestId: 'ext-1' },
    receivedAt,
  );

describe('buildAuthorizerEvent (REST REQUEST authorizer, payload 1.0)', () => {
  const event = buildAuthorizerEvent(facts());

  it('carries the method ARN with the actual, still-encoded path', () => {
    expect(event.type).toBe('REQUEST');
    expect(event.methodArn).toBe(
      'arn:aws:execute-api:us-east-1:123456789012:t0llg4te1o/local/GET/resources/a%2Bb',
    );
  });

  it('names the API resource template, the actual path and the decoded path parameters', () => {
    expect(event).toMatchObject({
      resource: '/resources/{proxy+}',
      path: '/resources/a%2Bb',
      httpMethod: 'GET',
      pathParameters: { proxy: 'a+b' },
    });
  });

  it('keeps the last value in single-value maps and every value in multi-value maps', () => {
    expect(event.headers).toMatchObject({
      'X-Api-Key': 'sk_test',
      Accept: 'text/plain',
      accept: 'application/json',
    });
    expect(event.queryStringParameters).toEqual({ limit: '2', tag: 'y', empty: '' });
    expect(event.multiValueQueryStringParameters).toEqual({
      limit: ['2'],
      tag: ['x', 'y'],
      empty: [''],
    });
  });

  it('adds X-Forwarded-For and X-Forwarded-Proto as API Gateway does', () => {
    expect(event.headers).toMatchObject({
      'X-Forwarded-For': '127.0.0.1',
      'X-Forwarded-Proto': 'http',
    });
    const forwarded = buildAuthorizerEvent(
      facts(request({ headerPairs: [['X-Forwarded-For', '10.0.0.1']] })),
    );
    expect(forwarded.multiValueHeaders?.['X-Forwarded-For']).toEqual(['10.0.0.1, 127.0.0.1']);
  });

  it('sends empty maps as {} (the authorizer event never has null maps)', () => {
    const bare = buildAuthorizerEvent(
      facts(request({ rawQuery: '' }), { domain, resource: '/resources', pathParameters: {} }),
    );
    expect(bare).toMatchObject({
      queryStringParameters: {},
      multiValueQueryStringParameters: {},
      pathParameters: {},
      stageVariables: {},
    });
  });

  it('describes the stage and the caller in requestContext', () => {
    expect(event.requestContext).toMatchObject({
      accountId: '123456789012',
      apiId: 't0llg4te1o',
      stage: 'local',
      path: '/resources/a%2Bb',
      resourcePath: '/resources/{proxy+}',
      httpMethod: 'GET',
      requestId: 'req-1',
      requestTimeEpoch: receivedAt,
      requestTime: '24/Nov/2026:15:45:07 +0000',
      protocol: 'HTTP/1.1',
      domainName: '127.0.0.1:3000',
      identity: { sourceIp: '127.0.0.1', userAgent: 'curl/8', apiKey: null },
    });
    expect(event.requestContext.resourceId).toMatch(/^[0-9a-f]{6}$/);
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });
});

describe('buildProxyEvent (REST proxy integration, payload 1.0)', () => {
  const authorizer = { companyId: '42', principalId: '42-7', integrationLatency: 2 };

  it('delivers the authorizer context and the same request id as the authorizer saw', () => {
    const event = buildProxyEvent(facts(), authorizer, []);
    expect(event.requestContext.authorizer).toEqual(authorizer);
    expect(event.requestContext.requestId).toBe(
      buildAuthorizerEvent(facts()).requestContext.requestId,
    );
    expect(event).toMatchObject({
      resource: '/resources/{proxy+}',
      path: '/resources/a%2Bb',
      pathParameters: { proxy: 'a+b' },
    });
    expect(event.multiValueQueryStringParameters).toEqual({
      limit: ['2'],
      tag: ['x', 'y'],
      empty: [''],
    });
  });

  it('sends empty maps and an empty body as null', () => {
    const event = buildProxyEvent(
      facts(request({ rawQuery: '' }), { domain, resource: '/resources', pathParameters: {} }),
      authorizer,
      [],
    );
    expect(event).toMatchObject({
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
  });

  it('passes a text body through as sent', () => {
    const event = buildProxyEvent(
      facts(request({ method: 'POST', body: Buffer.from('{"a":"é"}') })),
      authorizer,
      [],
    );
    expect(event).toMatchObject({ httpMethod: 'POST', body: '{"a":"é"}', isBase64Encoded: false });
  });

  it('base64-encodes a body whose Content-Type is a binary media type', () => {
    const bytes = Buffer.from([137, 80, 78, 71]);
    const png = request({
      method: 'PUT',
      headerPairs: [['Content-Type', 'image/png']],
      body: bytes,
    });
    expect(buildProxyEvent(facts(png), authorizer, ['image/*'])).toMatchObject({
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    });
    expect(buildProxyEvent(facts(png), authorizer, [])).toMatchObject({
      body: bytes.toString('utf8'),
      isBase64Encoded: false,
    });
  });
});
