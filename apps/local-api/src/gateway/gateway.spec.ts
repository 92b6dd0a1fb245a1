import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import {
  type DomainDefinition,
  type GatewayProblemSlug,
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
} from '@tollgate/domain-registry';
import { echoDomain, fakeAuthorizer, fakeHandlerSource } from './fake-handlers.test-support.js';
import { createGateway } from './gateway.js';
import { type GatewayServer, startGatewayServer } from './http-server.js';
import { keyFingerprint } from './request-log.js';

const registry: DomainDefinition[] = [
  {
    name: 'echo',
    lambdaApp: 'echo-lambda',
    imageName: 'echo',
    runtime: { aws: {}, local: {} },
    basePaths: ['/echo'],
    apiResources: ['/echo', '/echo/{proxy+}'],
  },
  {
    name: 'broken',
    lambdaApp: 'broken-lambda',
    imageName: 'broken',
    runtime: { aws: {}, local: {} },
    basePaths: ['/broken'],
    apiResources: ['/broken/{proxy+}'],
  },
  {
    name: 'missing',
    lambdaApp: 'missing-lambda',
    imageName: 'missing',
    runtime: { aws: {}, local: {} },
    basePaths: ['/missing'],
    apiResources: ['/missing'],
  },
];

const brokenDomain = async (event: APIGatewayProxyEvent, context: Context) => {
  switch (event.pathParameters?.['proxy']) {
    case 'context':
      return { statusCode: 200, body: JSON.stringify({ functionName: context.functionName }) };
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
    authorizer: {
      lambdaApp: 'authorizer-lambda',
      imageName: 'authorizer',
      runtime: { aws: {}, local: {} },
    },
    handlers: fakeHandlerSource({
      'authorizer-lambda': fakeAuthorizer,
      'echo-lambda': echoDomain,
      'broken-lambda': brokenDomain,
    }),
    integrationTimeoutMs: 100,
    binaryMediaTypes: ['image/png'],
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

/** A GET with one `X-Api-Key` header line per key (fetch would join them into one line). */
function callWithKeys(path: string, keys: string[]): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${path}`, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.setHeader('X-Api-Key', keys);
    request.on('error', reject);
    request.end();
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The registry's catalogue entry, as the deployed gateway responses render it, plus the request id. */
async function expectProblem(response: Response, slug: GatewayProblemSlug) {
  const problem = gatewayProblems[slug];
  expect(response.status).toBe(problem.status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const requestId = response.headers.get('x-amzn-requestid') ?? '';
  expect(requestId).toMatch(uuid);
  // It depends on the caller's key: no cache may hand it to another caller.
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toEqual(gatewayProblemBody(problem, requestId));
}

describe('the local gateway, over HTTP', () => {
  it('answers 404 for a path no API resource covers, before asking for a key', async () => {
    await expectProblem(await call('/nowhere'), 'not-found');
    await expectProblem(await call('/echoX', { key: 'sk_ok' }), 'not-found');
  });

  it('answers 400 when X-Api-Key is missing or empty', async () => {
    await expectProblem(await call('/echo'), 'missing-api-key');
    await expectProblem(await call('/echo', { headers: { 'X-Api-Key': '' } }), 'missing-api-key');
  });

  it('answers 401 for two different X-Api-Key values, logging neither key', async () => {
    logLines.length = 0;
    const response = await callWithKeys('/echo', ['sk_ok', 'sk_deny']);
    expect(response.headers['x-amzn-errortype']).toBe('UnauthorizedException');
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual(
      gatewayProblemBody(gatewayProblems.unauthorized, String(response.headers['x-amzn-requestid'])),
    );
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/^GET \/echo 401 \d+ms principal=- key=- req=/);
    expect(logLines[0]).toContain('reason="X-Api-Key sent more than once with different values"');
  });

  it('takes the same X-Api-Key sent twice as one key', async () => {
    expect((await callWithKeys('/echo', ['sk_ok', 'sk_ok'])).status).toBe(200);
  });

  it('answers 401 when the authorizer throws exactly "Unauthorized"', async () => {
    const response = await call('/echo', { key: 'sk_unknown' });
    expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    await expectProblem(response, 'unauthorized');
  });

  it('answers 403 when the policy denies the method ARN', async () => {
    const response = await call('/echo', { key: 'sk_deny' });
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    await expectProblem(response, 'forbidden');
  });

  it('answers 500 for any other authorizer error or a non-primitive context value', async () => {
    await expectProblem(await call('/echo', { key: 'sk_broken' }), 'internal-error');
    await expectProblem(await call('/echo', { key: 'sk_object_context' }), 'internal-error');
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
      'request-too-large',
    );
  });

  it('answers 414 when the method ARN would exceed 1600 bytes, as DEFAULT_4XX renders it', async () => {
    const response = await call(`/echo/${'x'.repeat(1600)}`, { key: 'sk_ok' });
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const requestId = response.headers.get('x-amzn-requestid') ?? '';
    expect(await response.json()).toEqual(
      gatewayFallbackBody(gatewayFallbackProblems.clientError, requestId, 'Request-URI Too Long'),
    );
  });

  it('decodes base64 bodies into bytes when the first Accept is a binary media type', async () => {
    const response = await call('/broken/binary', {
      key: 'sk_ok',
      headers: { Accept: 'image/png, */*' },
    });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
  });

  it('passes base64 bodies on as text otherwise, as API Gateway does', async () => {
    for (const accept of ['application/json', '*/*, image/png']) {
      const response = await call('/broken/binary', { key: 'sk_ok', headers: { Accept: accept } });
      expect(await response.text()).toBe(Buffer.from([137, 80, 78, 71]).toString('base64'));
    }
  });

  it('answers 502 when the domain Lambda throws, returns a malformed result or cannot load', async () => {
    const thrown = await call('/broken/throws', { key: 'sk_ok' });
    const text = await thrown.clone().text();
    expect(text).not.toContain('SELECT');
    await expectProblem(thrown, 'bad-gateway');
    await expectProblem(await call('/broken/malformed', { key: 'sk_ok' }), 'bad-gateway');
    await expectProblem(await call('/missing', { key: 'sk_ok' }), 'bad-gateway');
  });

  it('answers 504 when the domain Lambda outlives the integration timeout', async () => {
    await expectProblem(await call('/broken/slow', { key: 'sk_ok' }), 'gateway-timeout');
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

  it('logs only the error type of a throwing Lambda, never its message', async () => {
    logLines.length = 0;
    await call('/broken/throws', { key: 'sk_ok' });
    await call('/echo', { key: 'sk_broken' });
    expect(logLines[0]).toMatch(/ reason="broken-lambda failed: Error"$/);
    expect(logLines[1]).toMatch(/ reason="authorizer failed: Error"$/);
    expect(logLines.join('\n')).not.toMatch(/SELECT|key map unavailable/);
  });

  it('names the invoked function as the infra app names it, in an environment called local', async () => {
    const response = await call('/broken/context', { key: 'sk_ok' });
    expect(await response.json()).toEqual({ functionName: 'tollgate-local-broken' });
  });
});
