import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { DomainDefinition } from '@tollgate/domain-registry';
import { echoDomain, fakeAuthorizer, fakeHandlerSource } from './fake-handlers.test-support.js';
import { createGateway } from './gateway.js';
import { type GatewayServer, startGatewayServer } from './http-server.js';
import { keyFingerprint } from './request-log.js';

const registry: DomainDefinition[] = [
  {
    name: 'echo',
    lambdaApp: 'echo-lambda',
    imageName: 'echo',
    basePaths: ['/echo'],
    apiResources: ['/echo', '/echo/{proxy+}'],
  },
  {
    name: 'broken',
    lambdaApp: 'broken-lambda',
    imageName: 'broken',
    basePaths: ['/broken'],
    apiResources: ['/broken/{proxy+}'],
  },
  {
    name: 'missing',
    lambdaApp: 'missing-lambda',
    imageName: 'missing',
    basePaths: ['/missing'],
    apiResources: ['/missing'],
  },
];

const brokenDomain = async (event: APIGatewayProxyEvent) => {
  switch (event.pathParameters?.['proxy']) {
    case 'throws':
      throw new Error('db down: SELECT secret FROM t');
    case 'malformed':
      return { statusCode: 200, body: { not: 'a string' } };
    case 'slow':
      return new Promise((resolve) =>
        setTimeout(() => resolve({ statusCode: 200, body: 'late' }), 500),
      );
    case 'binary':
      return {
        statusCode: 200,
        headers: { 'Content-Type': 'image/png' },
        body: Buffer.from([137, 80, 78, 71]).toString('base64'),
        isBase64Encoded: true,
      };
    default:
      return { statusCode: 204 };
  }
};

let server: GatewayServer;
const logLines: string[] = [];

beforeAll(async () => {
  const gateway = createGateway({
    registry,
    authorizerApp: 'authorizer-lambda',
    handlers: fakeHandlerSource({
      'authorizer-lambda': fakeAuthorizer,
      'echo-lambda': echoDomain,
      'broken-lambda': brokenDomain,
    }),
    integrationTimeoutMs: 100,
  });
  server = await startGatewayServer({
    gateway,
    port: 0,
    log: (line) => logLines.push(line),
    maxBodyBytes: 1024,
  });
});
afterAll(() => server.close());

const call = (path: string, init: RequestInit & { key?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('X-Api-Key', init.key);
  return fetch(`${server.url}${path}`, { ...init, headers });
};

async function expectProblem(response: Response, status: number, slug: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await response.json()).toMatchObject({
    type: `https://tollgate.dev/problems/${slug}`,
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
}

describe('the local gateway, over HTTP', () => {
  it('answers 404 for a path no API resource covers, before asking for a key', async () => {
    await expectProblem(await call('/nowhere'), 404, 'not-found');
    await expectProblem(await call('/echoX', { key: 'sk_ok' }), 404, 'not-found');
  });

  it('answers 400 when X-Api-Key is missing or empty', async () => {
    await expectProblem(await call('/echo'), 400, 'missing-api-key');
    await expectProblem(
      await call('/echo', { headers: { 'X-Api-Key': '' } }),
      400,
      'missing-api-key',
    );
  });

  it('answers 401 when the authorizer throws exactly "Unauthorized"', async () => {
    const response = await call('/echo', { key: 'sk_unknown' });
    expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    await expectProblem(response, 401, 'unauthorized');
  });

  it('answers 403 when the policy denies the method ARN', async () => {
    const response = await call('/echo', { key: 'sk_deny' });
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    await expectProblem(response, 403, 'forbidden');
  });

  it('answers 500 for any other authorizer error or a non-primitive context value', async () => {
    await expectProblem(await call('/echo', { key: 'sk_broken' }), 500, 'internal-error');
    await expectProblem(await call('/echo', { key: 'sk_object_context' }), 500, 'internal-error');
  });

  it('forwards an allowed request as a proxy event and writes the result back', async () => {
    const response = await call('/echo/a/b?limit=2&tag=x&tag=y', {
      key: 'sk_ok',
      headers: { 'X-Api-Version': '2025-03-01' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-multi')).toBe('a, b');
    const event = (await response.json()) as APIGatewayProxyEvent;
    expect(event).toMatchObject({
      httpMethod: 'GET',
      resource: '/echo/{proxy+}',
      path: '/echo/a/b',
      pathParameters: { proxy: 'a/b' },
      queryStringParameters: { limit: '2', tag: 'y' },
      multiValueQueryStringParameters: { limit: ['2'], tag: ['x', 'y'] },
      requestContext: {
        stage: 'local',
        authorizer: {
          companyId: '42',
          userId: '7',
          principalId: '42-7',
          integrationLatency: expect.any(Number),
        },
      },
    });
    expect(event.headers['X-Api-Version']).toBe('2025-03-01');
    expect(response.headers.get('x-amzn-requestid')).toBe(event.requestContext.requestId);
  });

  it('passes the request body to the domain Lambda and refuses bodies over the limit', async () => {
    const echoed = (await (
      await call('/echo', { key: 'sk_ok', method: 'POST', body: '{"name":"x"}' })
    ).json()) as APIGatewayProxyEvent;
    expect(echoed).toMatchObject({ httpMethod: 'POST', body: '{"name":"x"}' });
    await expectProblem(
      await call('/echo', { key: 'sk_ok', method: 'POST', body: 'x'.repeat(2048) }),
      413,
      'payload-too-large',
    );
  });

  it('answers 414 when the method ARN would exceed 1600 bytes', async () => {
    await expectProblem(
      await call(`/echo/${'x'.repeat(1600)}`, { key: 'sk_ok' }),
      414,
      'uri-too-long',
    );
  });

  it('decodes base64 bodies into bytes', async () => {
    const response = await call('/broken/binary', { key: 'sk_ok' });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
  });

  it('answers 502 when the domain Lambda throws, returns a malformed result or cannot load', async () => {
    const thrown = await call('/broken/throws', { key: 'sk_ok' });
    const text = await thrown.clone().text();
    expect(text).not.toContain('SELECT');
    await expectProblem(thrown, 502, 'bad-gateway');
    await expectProblem(await call('/broken/malformed', { key: 'sk_ok' }), 502, 'bad-gateway');
    await expectProblem(await call('/missing', { key: 'sk_ok' }), 502, 'bad-gateway');
  });

  it('answers 504 when the domain Lambda outlives the integration timeout', async () => {
    await expectProblem(await call('/broken/slow', { key: 'sk_ok' }), 504, 'gateway-timeout');
  });

  it('logs one line per request with the principal and a key fingerprint, never the key', async () => {
    logLines.length = 0;
    await call('/echo?secret=1', { key: 'sk_ok' });
    await call('/echo', { key: 'sk_unknown' });
    expect(logLines).toHaveLength(2);
    expect(logLines[0]).toMatch(
      new RegExp(
        `^GET /echo 200 \\d+ms principal=42-7 key=${keyFingerprint('sk_ok')} req=[0-9a-f-]{36}$`,
      ),
    );
    expect(logLines[1]).toMatch(/^GET \/echo 401 \d+ms principal=- key=[0-9a-f]{8} /);
    expect(logLines.join('\n')).not.toMatch(/sk_ok|sk_unknown|secret/);
  });

  it('logs why the gateway failed a request', async () => {
    logLines.length = 0;
    await call('/broken/malformed', { key: 'sk_ok' });
    expect(logLines[0]).toContain('reason="malformed Lambda proxy response at body');
  });
});
