import { ApiRouter, type ApiGatewayProxyResult, type RouterLogger } from '@tollgate/router';
import { proxyEvent, type ProxyEventInit } from '@tollgate/router/testing';
import { createPostgresResourceStore } from '../db/postgres-resource-store.js';
import { demoResourceIds, seedDemoData } from '../db/seed.js';
import { useTestDatabase } from '../testing/test-database.test-support.js';
import { resourceRoutes } from './resource-routes.js';

/*
 * Every version's answers, byte for byte, on the seeded demo data: how a route is written may
 * change (one handler plus version changes), what any version's client receives may not.
 * The snapshot file is the contract; update it only for a deliberate, versioned change.
 */

const database = useTestDatabase();
const logger: RouterLogger = { error: () => undefined };

/** The headers a client can rely on (the router adds no others that vary). */
function pinned(result: ApiGatewayProxyResult): string {
  const headers = Object.entries(result.headers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}: ${String(value)}`);
  return [`${result.statusCode}`, ...headers, '', result.body].join('\n');
}

const requests: Record<string, ProxyEventInit> = {
  'one resource': { path: `/resources/${demoResourceIds.acme}` },
  "another company's resource": { path: `/resources/${demoResourceIds.globex}` },
  'a malformed id': { path: '/resources/not-a-uuid' },
  'the first page': { path: '/resources', query: { limit: '2' } },
  'the default page': { path: '/resources' },
  'a bad limit': { path: '/resources', query: { limit: '0' } },
  'a bad cursor': { path: '/resources', query: { cursor: 'not-a-cursor' } },
};

describe('every version answers exactly as pinned', () => {
  let router: ApiRouter;

  beforeAll(async () => {
    await seedDemoData(database.db);
    router = new ApiRouter(
      resourceRoutes({ store: createPostgresResourceStore(database.db), logger }),
      {
        logger,
        validateResponses: true,
      },
    );
  });

  const call = (init: ProxyEventInit) =>
    router.handler(
      proxyEvent({
        authorizer: { principalId: '42-7', companyId: '42', userId: '7' },
        requestId: 'req-pinned',
        ...init,
      }),
    );

  for (const version of ['2025-03-01', '2024-12-01']) {
    for (const [name, init] of Object.entries(requests)) {
      it(`${version}: ${name}`, async () => {
        expect(pinned(await call({ ...init, version }))).toMatchSnapshot();
      });
    }

    it(`${version}: the second page, following the first page's cursor`, async () => {
      const first = JSON.parse(
        (await call({ path: '/resources', query: { limit: '2' }, version })).body,
      ) as {
        next_cursor?: string;
        pagination?: { nextCursor: string };
      };
      const cursor = first.next_cursor ?? first.pagination?.nextCursor;
      expect(typeof cursor).toBe('string');
      expect(
        pinned(
          await call({
            path: '/resources',
            query: { limit: '2', cursor: cursor as string },
            version,
          }),
        ),
      ).toMatchSnapshot();
    });
  }
});
