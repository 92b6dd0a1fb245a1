import { ApiRouter } from './api-router.js';
import { ProblemError } from './problem-error.js';
import { route } from './route.js';
import type { ResponseRecord } from './response-record.js';
import { proxyEvent, type ProxyEventInit } from './testing/proxy-event.js';

const records: ResponseRecord[] = [];
const router = new ApiRouter(
  [
    route({ method: 'GET', path: '/notes/{id}', version: '2025-03-01', handler: () => ({ status: 200, body: {} }) }),
    route({ method: 'GET', path: '/notes/{id}', version: '2024-12-01', handler: () => ({ status: 200, body: {} }) }),
    route({
      method: 'GET',
      path: '/broken',
      version: '2025-03-01',
      handler: () => {
        throw new Error('boom');
      },
    }),
    route({
      method: 'GET',
      path: '/gone',
      version: '2025-03-01',
      handler: () => {
        throw new ProblemError({ status: 410, title: 'Gone' });
      },
    }),
  ],
  { onResponse: (record) => records.push(record), logger: { error: () => undefined } },
);

async function recordOf(init: ProxyEventInit) {
  records.splice(0);
  await router.handler(proxyEvent({ requestId: 'req-1', ...init }));
  expect(records).toHaveLength(1);
  const { event, durationMs, ...rest } = records[0] as ResponseRecord;
  expect(event.path).toBe(init.path);
  expect(durationMs).toBeGreaterThanOrEqual(0);
  return rest;
}

describe('onResponse: one record per request, for telemetry', () => {
  it('names the route template, the served version and the status', async () => {
    expect(await recordOf({ path: '/notes/n1', version: '2024-12-01' })).toEqual({
      method: 'GET',
      route: '/notes/{id}',
      version: '2024-12-01',
      status: 200,
      requestId: 'req-1',
    });
  });

  it('reports handler failures and problems with their status', async () => {
    expect(await recordOf({ path: '/broken', version: '2025-03-01' })).toMatchObject({ route: '/broken', status: 500 });
    expect(await recordOf({ path: '/gone', version: '2025-03-01' })).toMatchObject({ route: '/gone', status: 410 });
  });

  it('never reports client text as a route or version: unknown paths and versions are undefined', async () => {
    expect(await recordOf({ path: '/nope/x', version: '2025-03-01' })).toMatchObject({
      route: undefined,
      version: undefined,
      status: 404,
    });
    expect(await recordOf({ path: '/notes/n1', version: '2021-01-01' })).toMatchObject({
      route: '/notes/{id}',
      version: undefined,
      status: 400,
    });
    expect(await recordOf({ path: '/notes/n1', version: 'latest' })).toMatchObject({ version: undefined, status: 400 });
    expect(await recordOf({ path: '/notes/n1' })).toMatchObject({ version: undefined, status: 400 });
  });

  it('names the path when the method is not allowed', async () => {
    expect(await recordOf({ method: 'POST', path: '/notes/n1', version: '2025-03-01' })).toMatchObject({
      route: '/notes/{id}',
      status: 405,
    });
  });
});
