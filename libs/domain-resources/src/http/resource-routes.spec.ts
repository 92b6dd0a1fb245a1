import { ApiRouter, type ApiGatewayProxyResult, type RouterLogger } from '@tollgate/router';
import { proxyEvent, type ProxyEventInit } from '@tollgate/router/testing';
import { createLazyResourceStore } from '../db/lazy-resource-store.js';
import { createPostgresResourceStore } from '../db/postgres-resource-store.js';
import { demoCompanies, demoResourceIds, demoResources, seedDemoData } from '../db/seed.js';
import { startTcpProxy } from '../testing/tcp-proxy.test-support.js';
import { backend, useTestDatabase } from '../testing/test-database.test-support.js';
import { encodeCursor } from '@tollgate/postgres-kit';
import { resourceRoutes } from './resource-routes.js';

const database = useTestDatabase();

function recordingLogger() {
  const entries: { message: string; fields: Record<string, unknown> }[] = [];
  const logger: RouterLogger = { error: (message, fields) => entries.push({ message, fields }) };
  return { logger, entries };
}

/** A request as API Gateway forwards it once the authorizer let company 42's user 7 in. */
const request = (init: ProxyEventInit) =>
  proxyEvent({ authorizer: { principalId: '42-7', companyId: '42', userId: '7' }, requestId: 'req-test-1', ...init });

const json = (result: ApiGatewayProxyResult) => JSON.parse(result.body) as Record<string, unknown>;

const acmeIds = demoResources()
  .filter((r) => r.company_id === demoCompanies.acme)
  .map((r) => r.id);

describe(`resource routes on ${backend}`, () => {
  const { logger, entries } = recordingLogger();
  let call: (init: ProxyEventInit) => Promise<ApiGatewayProxyResult>;

  beforeAll(async () => {
    await seedDemoData(database.db);
    const router = new ApiRouter(
      resourceRoutes({ store: createPostgresResourceStore(database.db), logger }),
      // Every answer below is also checked against the routes' declared responses.
      { logger, validateResponses: true },
    );
    call = (init) => router.handler(request(init));
  });
  beforeEach(() => entries.splice(0));

  describe('GET /resources/{id}', () => {
    it('2025-03-01 answers { data } with camelCase fields', async () => {
      const res = await call({ path: `/resources/${demoResourceIds.acme}`, version: '2025-03-01' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['X-Api-Version']).toBe('2025-03-01');
      expect(res.headers['Deprecation']).toBeUndefined();
      expect(json(res)).toEqual({
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

    it('2024-12-01 answers the bare resource with snake_case fields, flagged deprecated', async () => {
      const res = await call({ path: `/resources/${demoResourceIds.acme}`, version: '2024-12-01' });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({
        id: demoResourceIds.acme,
        name: 'server-42-01',
        type: 'server',
        attributes: { region: 'us-east-1', tier: 'standard' },
        created_at: '2024-12-01T10:00:00.000Z',
        updated_at: '2024-12-01T10:00:00.000Z',
      });
      expect(res.headers['X-Api-Version']).toBe('2024-12-01');
      expect(res.headers['Deprecation']).toBe(`@${Date.parse('2025-03-01T00:00:00Z') / 1000}`);
      expect(res.headers['Sunset']).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
    });

    it.each(['2025-03-01', '2024-12-01'])(
      "%s: another company's resource is a 404, like a missing one",
      async (version) => {
        const foreign = await call({ path: `/resources/${demoResourceIds.globex}`, version });
        const missing = await call({
          path: '/resources/00000042-0000-4000-8000-999999999999',
          version,
        });
        for (const res of [foreign, missing]) {
          expect(res.statusCode).toBe(404);
          expect(res.headers['Content-Type']).toBe('application/problem+json');
          expect(json(res)).toMatchObject({
            type: 'https://tollgate.dev/problems/not-found',
            status: 404,
            detail: 'resource not found',
          });
        }
        expect(foreign.body).toBe(missing.body);
      },
    );

    it('company 43 sees its own resource and not 42s', async () => {
      const authorizer = { companyId: demoCompanies.globex, userId: '9' };
      expect(
        (
          await call({
            path: `/resources/${demoResourceIds.globex}`,
            version: '2025-03-01',
            authorizer,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await call({
            path: `/resources/${demoResourceIds.acme}`,
            version: '2025-03-01',
            authorizer,
          })
        ).statusCode,
      ).toBe(404);
    });

    it('a malformed id is a 400 validation-failed naming the parameter', async () => {
      const res = await call({ path: '/resources/not-a-uuid', version: '2025-03-01' });
      expect(res.statusCode).toBe(400);
      expect(json(res)).toMatchObject({
        type: 'https://tollgate.dev/problems/validation-failed',
        errors: [{ location: 'params', path: 'id', message: 'id must be a UUID' }],
      });
    });
  });

  describe('GET /resources', () => {
    it('2025-03-01 returns the first 20 by default with { data, pagination }', async () => {
      const res = await call({ path: '/resources', version: '2025-03-01' });
      expect(res.statusCode).toBe(200);
      const body = json(res) as {
        data: { id: string; createdAt: string }[];
        pagination: Record<string, unknown>;
      };
      expect(body.data.map((r) => r.id)).toEqual(acmeIds.slice(0, 20));
      expect(body.pagination).toEqual({ limit: 20, hasMore: true, nextCursor: expect.any(String) });
    });

    it('2025-03-01 walks every resource exactly once, following nextCursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await call({
          path: '/resources',
          version: '2025-03-01',
          query: { limit: '6', ...(cursor && { cursor }) },
        });
        const body = json(res) as {
          data: { id: string }[];
          pagination: { nextCursor: string | null; hasMore: boolean };
        };
        seen.push(...body.data.map((r) => r.id));
        expect(body.pagination.hasMore).toBe(body.pagination.nextCursor !== null);
        cursor = body.pagination.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(seen).toEqual(acmeIds);
      expect(pages).toBe(5);
    });

    it('2024-12-01 answers { items, next_cursor } with snake_case fields and walks the same order', async () => {
      const first = await call({
        path: '/resources',
        version: '2024-12-01',
        query: { limit: '20' },
      });
      expect(first.headers['Sunset']).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
      const page1 = json(first) as {
        items: { id: string; created_at: string }[];
        next_cursor: string;
      };
      expect(Object.keys(page1)).toEqual(['items', 'next_cursor']);
      expect(page1.items[0]).toHaveProperty('created_at', '2024-12-01T10:00:00.000Z');
      const second = json(
        await call({
          path: '/resources',
          version: '2024-12-01',
          query: { cursor: page1.next_cursor },
        }),
      );
      expect(second['next_cursor']).toBeNull();
      expect([...page1.items, ...(second['items'] as { id: string }[])].map((r) => r.id)).toEqual(
        acmeIds,
      );
    });

    it("never lists another company's resources", async () => {
      const res = await call({
        path: '/resources',
        version: '2025-03-01',
        query: { limit: '100' },
        authorizer: { companyId: '43' },
      });
      const ids = (json(res)['data'] as { id: string }[]).map((r) => r.id);
      expect(ids).toEqual([demoResourceIds.globex, expect.any(String), expect.any(String)]);
      expect(ids.every((id) => id.startsWith('00000043-'))).toBe(true);
    });

    it.each(['0', '101', 'abc', '1.5', '-1', '', '1e1'])(
      'limit=%p is a 400 validation-failed',
      async (limit) => {
        const res = await call({ path: '/resources', version: '2025-03-01', query: { limit } });
        expect(res.statusCode).toBe(400);
        expect(json(res)).toMatchObject({
          errors: [
            { location: 'query', path: 'limit', message: 'limit must be an integer from 1 to 100' },
          ],
        });
      },
    );

    it.each([
      ['not base64url', 'a b'],
      ['not JSON', Buffer.from('hello').toString('base64url')],
      ['not a position', Buffer.from('["yesterday","x"]').toString('base64url')],
    ])('a cursor that is %s is a 400 validation-failed', async (_, cursor) => {
      const res = await call({ path: '/resources', version: '2024-12-01', query: { cursor } });
      expect(res.statusCode).toBe(400);
      expect(json(res)).toMatchObject({ errors: [{ location: 'query', path: 'cursor' }] });
    });

    it('a cursor past the last resource gives an empty last page', async () => {
      const cursor = encodeCursor({
        createdAt: new Date('2030-01-01T00:00:00Z'),
        id: demoResourceIds.acme,
      });
      const body = json(
        await call({ path: '/resources', version: '2025-03-01', query: { cursor } }),
      );
      expect(body).toEqual({
        data: [],
        pagination: { limit: 20, hasMore: false, nextCursor: null },
      });
    });
  });

  describe('caller context', () => {
    it.each([null, {}, { companyId: '' }, { companyId: 'abc' }, { companyId: '0' }])(
      'authorizer context %p is a server fault: logged 500 that reveals nothing',
      async (authorizer) => {
        const res = await call({
          path: `/resources/${demoResourceIds.acme}`,
          version: '2025-03-01',
          authorizer,
        });
        expect(res.statusCode).toBe(500);
        expect(json(res)).toMatchObject({
          type: 'https://tollgate.dev/problems/internal-error',
          status: 500,
        });
        expect(res.body).not.toMatch(/companyId|authorizer/);
        expect(entries).toEqual([
          expect.objectContaining({
            fields: expect.objectContaining({ errorName: 'CallerContextError' }),
          }),
        ]);
      },
    );
  });
});

describe(`resource routes when the database goes away (${backend})`, () => {
  it('answers 503 with Retry-After while it is away, then serves again without a restart', async () => {
    const proxy = await startTcpProxy(database.url);
    const { logger, entries } = recordingLogger();
    const store = createLazyResourceStore({ kind: 'url', url: proxy.url });
    const router = new ApiRouter(resourceRoutes({ store, logger }), {
      logger,
      validateResponses: true,
    });
    const get = () =>
      router.handler(
        request({ path: `/resources/${demoResourceIds.acme}`, version: '2025-03-01' }),
      );
    try {
      await proxy.cut();
      const beforeFirstConnection = await get();
      expect(beforeFirstConnection.statusCode).toBe(503);

      await proxy.restore();
      expect((await get()).statusCode).toBe(200);

      await proxy.cut();
      const midRun = await get();
      expect(midRun.statusCode).toBe(503);
      expect(midRun.headers['Retry-After']).toBe('5');
      expect(midRun.headers['Content-Type']).toBe('application/problem+json');
      expect(json(midRun)).toEqual({
        type: 'https://tollgate.dev/problems/service-unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'the service is temporarily unavailable; retry later',
      });
      expect(entries.length).toBeGreaterThanOrEqual(2);
      for (const entry of entries) {
        expect(entry).toEqual({
          message: 'database unavailable',
          fields: { requestId: 'req-test-1', reason: expect.any(String) },
        });
      }

      await proxy.restore();
      expect(json(await get())).toMatchObject({ data: { id: demoResourceIds.acme } });
    } finally {
      await store.close();
      await proxy.close();
    }
  });

  it('answers 503 with Retry-After when the database stops answering (dropped packets), then serves again', async () => {
    const proxy = await startTcpProxy(database.url);
    const { logger, entries } = recordingLogger();
    // Small limits keep the test quick; the Lambda's are seconds (lambdaPoolSettings).
    const store = createLazyResourceStore(
      { kind: 'url', url: proxy.url },
      { statementTimeoutMillis: 200, connectionTimeoutMillis: 300 },
    );
    const router = new ApiRouter(resourceRoutes({ store, logger }), {
      logger,
      validateResponses: true,
    });
    const get = () =>
      router.handler(
        request({ path: `/resources/${demoResourceIds.acme}`, version: '2025-03-01' }),
      );
    try {
      expect((await get()).statusCode).toBe(200);

      proxy.stall();
      const onPooledConnection = await get();
      expect(onPooledConnection.statusCode).toBe(503);
      expect(onPooledConnection.headers['Retry-After']).toBe('5');
      const onNewConnection = await get();
      expect(onNewConnection.statusCode).toBe(503);
      expect(entries.map((entry) => entry.fields['reason'])).toEqual([
        'query-timeout',
        'connection-lost',
      ]);

      // The stalled connections stay dead: serving again proves they were not reused.
      await proxy.restore();
      expect(json(await get())).toMatchObject({ data: { id: demoResourceIds.acme } });
    } finally {
      await store.close();
      await proxy.close();
    }
  });
});
