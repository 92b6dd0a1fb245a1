import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  createScratchDatabase,
  demoResourceIds,
  seedDemoData,
  type ResourcesDatabase,
} from '@tollgate/domain-resources/dev';
import { createDatabase, type ScratchDatabase } from '@tollgate/postgres-kit/dev';
import { proxyEvent, type ProxyEventInit } from '@tollgate/router/testing';
import { emfViolations } from '@tollgate/runtime-kit/testing';
import { bundlePath, loadBundle, type LambdaHandler } from './load-bundle.js';

const backend = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'embedded PGlite';
/** A REST proxy event as API Gateway sends it after the Tollgate authorizer let company 42 in. */
const restProxyEvent = (init: ProxyEventInit) =>
  proxyEvent({
    headers: { Accept: 'application/json', 'X-Api-Key': 'sk_live_demo_acme' },
    authorizer: { principalId: '42-7', companyId: '42', userId: '7', integrationLatency: 12 },
    resource: init.path === '/resources' ? '/resources' : '/resources/{id}',
    ...init,
  });
const body = (res: APIGatewayProxyResult) => JSON.parse(res.body) as Record<string, unknown>;

describe(`the built resources-lambda bundle against ${backend}, migrated and seeded`, () => {
  let scratch: ScratchDatabase;
  let handler: LambdaHandler;
  const invoke = (request: ProxyEventInit) => handler(restProxyEvent(request));

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env['DATABASE_URL']);
    const db = createDatabase<ResourcesDatabase>({ connectionString: scratch.url });
    await seedDemoData(db);
    await db.destroy();
    handler = loadBundle({ DATABASE_URL: scratch.url });
  }, 60_000);
  afterAll(async () => {
    // Let the bundle's idle pool connections go before the database is dropped.
    await scratch?.drop();
  });

  it('GET /resources/{id} in 2025-03-01 → 200 { data } (camelCase)', async () => {
    const res = await invoke({ path: `/resources/${demoResourceIds.acme}`, version: '2025-03-01' });
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Api-Version': '2025-03-01',
    });
    expect(res.headers?.['Deprecation']).toBeUndefined();
    expect(body(res)).toEqual({
      data: {
        id: demoResourceIds.acme,
        name: 'server-42-01',
        type: 'server',
        attributes: { region: 'us-east-1', tier: 'standard' },
        createdAt: '2024-12-01T10:00:00.000Z',
        updatedAt: '2024-12-01T10:00:00.000Z',
      },
    });
  });

  it('GET /resources/{id} in 2024-12-01 → 200 bare snake_case resource, with Deprecation and Sunset', async () => {
    const res = await invoke({ path: `/resources/${demoResourceIds.acme}`, version: '2024-12-01' });
    expect(res.statusCode).toBe(200);
    expect(body(res)).toMatchObject({
      id: demoResourceIds.acme,
      created_at: '2024-12-01T10:00:00.000Z',
    });
    expect(res.headers).toMatchObject({
      'X-Api-Version': '2024-12-01',
      Deprecation: '@1740787200',
      Sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
    });
  });

  it("another company's resource → 404 problem", async () => {
    const res = await invoke({
      path: `/resources/${demoResourceIds.globex}`,
      version: '2025-03-01',
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers?.['Content-Type']).toBe('application/problem+json');
    expect(body(res)).toMatchObject({
      type: 'https://tollgate.dev/problems/not-found',
      status: 404,
    });
  });

  it('GET /resources pages with an opaque cursor in both versions', async () => {
    const first = body(
      await invoke({ path: '/resources', version: '2025-03-01', query: { limit: '2' } }),
    );
    expect(first).toMatchObject({
      pagination: { limit: 2, hasMore: true, nextCursor: expect.any(String) },
    });
    const cursor = (first['pagination'] as { nextCursor: string }).nextCursor;
    const second = body(
      await invoke({ path: '/resources', version: '2024-12-01', query: { limit: '2', cursor } }),
    );
    expect((second['items'] as { id: string }[]).map((r) => r.id)).toEqual([
      '00000042-0000-4000-8000-000000000003',
      '00000042-0000-4000-8000-000000000004',
    ]);
    expect(second['next_cursor']).toEqual(expect.any(String));
  });

  it.each([
    [{ path: '/resources/12345', version: '2025-03-01' }, 'validation-failed'],
    [{ path: '/resources', version: '2025-03-01', query: { limit: '500' } }, 'validation-failed'],
    [
      { path: '/resources', version: '2024-12-01', query: { cursor: 'bogus' } },
      'validation-failed',
    ],
    [{ path: '/resources' }, 'missing-version'],
  ])('%j → 400 %s', async (request, slug) => {
    const res = await invoke(request);
    expect(res.statusCode).toBe(400);
    expect(body(res)).toMatchObject({ type: `https://tollgate.dev/problems/${slug}`, status: 400 });
  });

  it('logs one line per request that is also a valid EMF document of the request metrics', async () => {
    const written = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await invoke({ path: `/resources/${demoResourceIds.acme}`, version: '2024-12-01' });
      const lines = written.mock.calls
        .map((args) => String(args[0]))
        .filter((line) => line.includes('"message":"request"'));
      expect(lines).toHaveLength(1);
      const line = (lines[0] as string).trim();
      expect(emfViolations(line)).toEqual([]);
      expect(JSON.parse(line)).toMatchObject({
        service: 'resources-lambda',
        route: 'GET /resources/{id}',
        version: '2024-12-01',
        status: 200,
        companyId: '42',
        keyFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
      });
      expect(line).not.toContain('sk_live_demo_acme');
    } finally {
      written.mockRestore();
    }
  });

  it('an unsupported version → 400 listing the supported ones, newest first', async () => {
    const res = await invoke({ path: '/resources', version: '2023-01-01' });
    expect(res.statusCode).toBe(400);
    expect(body(res)).toMatchObject({
      type: 'https://tollgate.dev/problems/unsupported-version',
      supportedVersions: ['2025-03-01', '2024-12-01'],
    });
  });
});

describe('the built resources-lambda bundle without its database', () => {
  it('answers 503 with Retry-After and nothing internal when the database cannot be reached', async () => {
    const closedPort = await unusedPort();
    const errors = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const handler = loadBundle({
        DATABASE_URL: `postgres://app:hunter2@127.0.0.1:${closedPort}/tollgate`,
      });
      const res = await handler(
        restProxyEvent({ path: `/resources/${demoResourceIds.acme}`, version: '2025-03-01' }),
      );
      expect(res.statusCode).toBe(503);
      expect(res.headers?.['Retry-After']).toBe('5');
      expect(body(res)).toEqual({
        type: 'https://tollgate.dev/problems/service-unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'the service is temporarily unavailable; retry later',
      });
      const logged = errors.mock.calls.map((args) => String(args[0])).join('\n');
      expect(logged).toContain('"message":"database unavailable"');
      expect(logged).toContain('"reason":"ECONNREFUSED"');
      expect(logged).not.toContain('hunter2');
    } finally {
      errors.mockRestore();
    }
  });

  it('fails its cold start with one line naming the missing variables', () => {
    expect(() => loadBundle({})).toThrow(
      /^invalid configuration: DB_SECRET_ID \(in AWS\) or DATABASE_URL \(locally\) must be set$/,
    );
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

describe('the built resources-lambda bundle’s size', () => {
  it('carries the router but none of its OpenAPI generator', () => {
    const bundle = readFileSync(bundlePath, 'utf8');
    expect(bundle).toContain('response breaks its declared contract');
    expect(bundle).not.toContain('openApiDocuments');
    expect(bundle).not.toContain('OpenApiError');
  });
});
