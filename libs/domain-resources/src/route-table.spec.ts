import { proxyEvent } from '@tollgate/router/testing';
import { resourceRoutes } from './http/resource-routes.js';
import { routeTable } from './route-table.js';

describe('routeTable', () => {
  it('is the routes the Lambda serves, each declaring its responses', () => {
    const documented = routeTable();
    const served = resourceRoutes({
      store: { findById: jest.fn(), listPage: jest.fn() },
      logger: { error: jest.fn() },
    });
    const shape = (routes: typeof served) =>
      routes.map(({ method, path, version, deprecated, schemas }) => ({
        method,
        path,
        version,
        deprecated,
        schemas,
      }));
    expect(shape(documented)).toEqual(shape(served));
    for (const route of documented) expect(Object.keys(route.responses ?? {})).toContain('200');
  });

  it('serves nothing: a handler called by mistake fails loudly', async () => {
    const [list] = routeTable();
    const event = proxyEvent({
      path: '/resources',
      version: '2025-03-01',
      authorizer: { companyId: '42' },
    });
    // The erased handler type: the query is what the route's schema would have produced.
    const request = {
      event,
      context: undefined,
      version: '2025-03-01',
      params: {},
      query: { limit: 1 } as unknown as Record<string, string>,
      body: undefined,
      requestId: 'r',
      header: () => undefined,
    };
    await expect(list?.handler(request)).rejects.toThrow('serves no request');
  });
});
