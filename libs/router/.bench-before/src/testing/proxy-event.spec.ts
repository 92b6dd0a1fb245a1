import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ApiRouter } from '../api-router.js';
import { route } from '../route.js';
import { proxyEvent } from './proxy-event.js';

describe('proxyEvent (@tollgate/router/testing)', () => {
  it('fills in a whole REST proxy event from what the test states', () => {
    const event: APIGatewayProxyEvent = proxyEvent({
      method: 'POST',
      path: '/notes/7',
      version: '2025-03-01',
      headers: { 'Content-Type': 'application/json' },
      query: { dryRun: 'true' },
      body: '{"text":"hi"}',
      authorizer: { companyId: '42', userId: '7' },
      resource: '/notes/{id}',
    });

    expect(event).toMatchObject({
      resource: '/notes/{id}',
      path: '/notes/7',
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Version': '2025-03-01' },
      multiValueHeaders: { 'Content-Type': ['application/json'], 'X-Api-Version': ['2025-03-01'] },
      queryStringParameters: { dryRun: 'true' },
      multiValueQueryStringParameters: { dryRun: ['true'] },
      pathParameters: { id: '7' },
      stageVariables: null,
      body: '{"text":"hi"}',
      isBase64Encoded: false,
      requestContext: {
        authorizer: { companyId: '42', userId: '7' },
        httpMethod: 'POST',
        path: '/prod/notes/7',
        stage: 'prod',
        resourcePath: '/notes/{id}',
        requestId: expect.any(String),
      },
    });
  });

  it('defaults to a GET without version, query, body or authorizer', () => {
    expect(proxyEvent({ path: '/health' })).toMatchObject({
      httpMethod: 'GET',
      resource: '/health',
      headers: {},
      queryStringParameters: null,
      pathParameters: null,
      body: null,
      requestContext: { authorizer: null },
    });
  });

  it('takes a greedy {proxy+} parameter as the rest of the path', () => {
    expect(proxyEvent({ path: '/analytics/a/b', resource: '/analytics/{proxy+}' }).pathParameters).toEqual({
      proxy: 'a/b',
    });
  });

  it('is served by an ApiRouter like a real event', async () => {
    const router = new ApiRouter([
      route({
        method: 'GET',
        path: '/whoami',
        version: '2025-03-01',
        handler: (req) => ({ status: 200, body: { company: req.event.requestContext.authorizer?.['companyId'], id: req.requestId } }),
      }),
    ]);
    const result = await router.handler(
      proxyEvent({ path: '/whoami', version: '2025-03-01', authorizer: { companyId: '43' }, requestId: 'r-9' }),
    );
    expect(JSON.parse(result.body)).toEqual({ company: '43', id: 'r-9' });
  });
});
