import type { APIGatewayProxyEvent, APIGatewayProxyHandler, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { ApiRouter } from './api-router.js';
import { proxyEvent } from './testing/index.js';
import { route, type RouteDefinition } from './route.js';

// These checks run at `typecheck` (a wrong type fails the build); the runtime part shows the
// same definitions really serve.

describe('route() types', () => {
  it('types params from the template and from schemas', async () => {
    const fromTemplate = route({
      method: 'GET',
      path: '/orgs/{org}/items/{itemId}',
      version: '2025-03-01',
      handler: (req) => {
        const both: { org: string; itemId: string } = req.params;
        // @ts-expect-error the template names no such parameter
        void req.params.nope;
        return { status: 200, body: both };
      },
    });
    const fromSchemas = route({
      method: 'POST',
      path: '/counters/{n}',
      version: '2025-03-01',
      schemas: {
        params: z.object({ n: z.coerce.number() }),
        query: z.object({ dryRun: z.optional(z.string()) }),
        body: z.object({ by: z.number() }),
      },
      handler: (req) => {
        const n: number = req.params.n;
        const dryRun: string | undefined = req.query.dryRun;
        const by: number = req.body.by;
        // @ts-expect-error the body schema has no such field
        void req.body.other;
        return { status: 200, body: { total: n + by, dryRun: dryRun ?? null } };
      },
    });
    const erased: RouteDefinition[] = [fromTemplate, fromSchemas];
    const router = new ApiRouter(erased);

    const items = await router.handler(proxyEvent({ path: '/orgs/acme/items/7', version: '2025-03-01' }));
    expect(JSON.parse(items.body)).toEqual({ org: 'acme', itemId: '7' });
    const counter = await router.handler(proxyEvent({ method: 'POST', path: '/counters/40', version: '2025-03-01', body: '{"by":2}' }));
    expect(JSON.parse(counter.body)).toEqual({ total: 42, dryRun: null });
  });

  it('fits the @types/aws-lambda handler type without that package at runtime', async () => {
    const router = new ApiRouter([
      route({ method: 'GET', path: '/ok', version: '2025-03-01', handler: () => ({ status: 204 }) }),
    ]);
    const handler: APIGatewayProxyHandler = router.handler;
    const awsEvent: APIGatewayProxyEvent = proxyEvent({ path: '/ok', version: '2025-03-01' });
    const result = await handler(awsEvent, {} as Context, () => undefined);
    expect(result).toMatchObject({ statusCode: 204 });
  });
});
