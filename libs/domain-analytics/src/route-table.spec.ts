import { proxyEvent } from '@tollgate/router/testing';
import { analyticsRoutes } from './analytics-routes.js';
import { routeTable } from './route-table.js';

describe('routeTable', () => {
  it('is the routes the Lambda serves, each declaring its responses', () => {
    const documented = routeTable();
    const served = analyticsRoutes({
      client: { getReport: jest.fn() },
      logger: { warn: jest.fn() },
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
    const [report] = routeTable();
    const event = proxyEvent({
      path: '/analytics/daily-usage',
      version: '2025-03-01',
      authorizer: { companyId: '42' },
    });
    const request = {
      event,
      context: undefined,
      version: '2025-03-01',
      params: { reportId: 'daily-usage' },
      query: {},
      body: undefined,
      requestId: 'r',
      header: () => undefined,
    };
    await expect(report?.handler(request)).rejects.toThrow('serves no request');
  });
});
