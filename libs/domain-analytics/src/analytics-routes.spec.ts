import { ApiRouter } from '@tollgate/router';
import { proxyEvent } from '@tollgate/router/testing';
import { createAnalyticsClient, type AnalyticsClient } from './analytics-client.js';
import { analyticsRoutes, type AnalyticsLogger } from './analytics-routes.js';
import { analyticsToken } from './analytics-token.js';
import { analyticsStandInToken, startAnalyticsStandIn, type AnalyticsStandIn } from './stand-in/analytics-stand-in.js';

let standIn: AnalyticsStandIn;
beforeAll(async () => {
  standIn = await startAnalyticsStandIn();
});
afterAll(() => standIn.close());

/**
 * The routes in a router, against the stand-in, counting upstream calls and recording logs.
 * Answers get a generous timeout; only the stand-in's never-answering report is given a short one.
 */
function analyticsApi({ token = analyticsStandInToken, timeoutMs = 5_000 } = {}) {
  const real = createAnalyticsClient({
    baseUrl: standIn.url,
    token: analyticsToken({ source: 'env', token }),
    timeoutMs,
    sleep: async () => undefined,
  });
  const upstreamCalls: string[] = [];
  const client: AnalyticsClient = {
    getReport: (companyId, reportId) => {
      upstreamCalls.push(`${companyId}/${reportId}`);
      return real.getReport(companyId, reportId);
    },
  };
  const logs: { message: string; fields: Readonly<Record<string, unknown>> }[] = [];
  const logger: AnalyticsLogger = { warn: (message, fields) => void logs.push({ message, fields }) };
  const routerLogs: Readonly<Record<string, unknown>>[] = [];
  const router = new ApiRouter(analyticsRoutes({ client, logger }), {
    logger: { error: (_, fields) => void routerLogs.push(fields) },
    // Every answer is also checked against the routes' declared responses.
    validateResponses: true,
  });
  return { handler: router.handler, upstreamCalls, logs, routerLogs };
}

type Authorizer = Readonly<Record<string, unknown>> | null;

function reportRequest(
  reportId: string,
  {
    companyId = '42' as unknown,
    version = '2024-12-01' as string | undefined,
    authorizer = { companyId, userId: '7', principalId: `${String(companyId)}-7` } as Authorizer,
  } = {},
) {
  return proxyEvent({
    path: `/analytics/${reportId}`,
    resource: '/analytics/{proxy+}',
    version,
    authorizer,
    requestId: 'req-1',
  });
}

async function call(event: ReturnType<typeof reportRequest>, api = analyticsApi()) {
  const result = await api.handler(event);
  return { ...result, json: JSON.parse(result.body) as Record<string, unknown> };
}

describe('GET /analytics/{reportId} (2024-12-01)', () => {
  it('returns the caller’s company’s report', async () => {
    const response = await call(reportRequest('daily-usage'));

    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ 'X-Api-Version': '2024-12-01', 'Cache-Control': 'private, no-store' });
    expect(response.json).toEqual({
      reportId: 'daily-usage',
      companyId: '42',
      title: 'Daily usage',
      generatedAt: '2026-11-23T00:00:00.000Z',
      metrics: [
        { name: 'requests', value: 1280 },
        { name: 'errors', value: 3 },
      ],
    });
  });

  it('asks the upstream on behalf of the caller’s company only', async () => {
    const api = analyticsApi();
    const response = await call(reportRequest('daily-usage', { companyId: '43' }), api);

    expect(response.json).toMatchObject({ companyId: '43', metrics: [{ name: 'requests', value: 512 }, { name: 'errors', value: 0 }] });
    expect(api.upstreamCalls).toEqual(['43/daily-usage']);
  });

  it('answers 404 for another company’s report, as for one that does not exist', async () => {
    for (const event of [reportRequest('quarterly-review', { companyId: '43' }), reportRequest('no-such-report')]) {
      const response = await call(event);
      expect(response.statusCode).toBe(404);
      expect(response.headers['Content-Type']).toBe('application/problem+json');
      expect(response.json).toMatchObject({ type: 'https://tollgate.dev/problems/not-found', status: 404, detail: 'report not found' });
    }
  });

  it.each(['bad.id', 'x'.repeat(65), 'a%2Fb', 'caf%C3%A9'])('rejects the malformed report id %s with 400 before any upstream call', async (reportId) => {
    const api = analyticsApi();
    const response = await call(reportRequest(reportId), api);

    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      type: 'https://tollgate.dev/problems/validation-failed',
      errors: [expect.objectContaining({ location: 'params', path: 'reportId' })],
    });
    expect(api.upstreamCalls).toEqual([]);
  });

  it.each([
    ['a failing upstream (5xx after retries)', 'upstream-failure', 502, 'bad-gateway', 'unavailable'],
    ['an upstream that does not answer in time', 'upstream-timeout', 504, 'gateway-timeout', 'timeout'],
    ['a malformed payload', 'malformed', 502, 'bad-gateway', 'invalid-response'],
    ['another company’s report', 'wrong-company', 502, 'bad-gateway', 'invalid-response'],
  ])('answers %s with %s and logs why, without the upstream body', async (_, reportId, status, slug, kind) => {
    const api = analyticsApi(reportId === 'upstream-timeout' ? { timeoutMs: 100 } : {});
    const response = await call(reportRequest(reportId), api);

    expect(response.statusCode).toBe(status);
    expect(response.json).toMatchObject({ type: `https://tollgate.dev/problems/${slug}`, status });
    expect(api.logs).toEqual([
      { message: 'analytics upstream request failed', fields: expect.objectContaining({ kind, requestId: 'req-1', companyId: '42', reportId }) },
    ]);
    const everything = JSON.stringify([response, api.logs]);
    expect(everything).not.toContain('db.query');
    expect(everything).not.toContain(analyticsStandInToken);
    expect(everything).not.toContain('"lots"'); // the malformed body
  });

  it('answers 502 when the upstream refuses our token, never echoing it', async () => {
    const api = analyticsApi({ token: 'stale-token' });
    const response = await call(reportRequest('daily-usage'), api);

    expect(response.statusCode).toBe(502);
    expect(api.logs[0]?.fields).toMatchObject({ kind: 'rejected', upstreamStatus: 401, attempts: 1 });
    expect(JSON.stringify([response, api.logs])).not.toContain('stale-token');
  });

  it('answers 503 with Retry-After when the token cannot be loaded, logging the kind only', async () => {
    const client = createAnalyticsClient({
      baseUrl: standIn.url,
      token: { get: () => Promise.reject(new Error('Secrets Manager: Rate exceeded')), invalidate: () => undefined },
    });
    const logs: Readonly<Record<string, unknown>>[] = [];
    const { handler } = new ApiRouter(analyticsRoutes({ client, logger: { warn: (_, fields) => void logs.push(fields) } }));
    const result = await handler(reportRequest('daily-usage'));

    expect(result.statusCode).toBe(503);
    expect(result.headers).toMatchObject({ 'Retry-After': '5', 'Content-Type': 'application/problem+json' });
    expect(JSON.parse(result.body)).toMatchObject({ type: 'https://tollgate.dev/problems/service-unavailable', status: 503 });
    expect(logs).toEqual([expect.objectContaining({ kind: 'token-unavailable', attempts: 0, requestId: 'req-1' })]);
    expect(JSON.stringify([result, logs])).not.toContain('Rate exceeded');
  });

  it.each<[string, Authorizer]>([
    ['no authorizer context', null],
    ['no companyId', { userId: '7' }],
    ['an empty companyId', { companyId: '' }],
    ['a companyId that is not a positive integer', { companyId: 'acme' }],
    ['company 0', { companyId: '0' }],
    ['an object as companyId', { companyId: { id: 42 } }],
  ])('treats %s as a wiring fault: a logged 500 that reveals nothing, calling nothing', async (_, authorizer) => {
    const api = analyticsApi();
    const response = await call(reportRequest('daily-usage', { authorizer }), api);

    expect(response.statusCode).toBe(500);
    expect(response.json).toMatchObject({ type: 'https://tollgate.dev/problems/internal-error' });
    expect(response.body).not.toMatch(/companyId|authorizer/);
    expect(api.routerLogs).toEqual([expect.objectContaining({ errorName: 'CallerContextError', requestId: 'req-1' })]);
    expect(api.upstreamCalls).toEqual([]);
  });

  it('accepts a numeric company id as well as API Gateway’s stringified one', async () => {
    const response = await call(reportRequest('daily-usage', { companyId: 42 }));
    expect(response.json).toMatchObject({ companyId: '42' });
  });

  it('serves 2025-03-01 and the deprecated 2024-12-01 alike, and no other version', async () => {
    const current = await call(reportRequest('daily-usage', { version: '2025-03-01' }));
    const deprecated = await call(reportRequest('daily-usage', { version: '2024-12-01' }));
    expect(current.statusCode).toBe(200);
    expect(deprecated.json).toEqual(current.json);
    expect(current.headers['Sunset']).toBeUndefined();
    expect(deprecated.headers['Sunset']).toBe('Wed, 30 Jun 2027 00:00:00 GMT');

    const older = await call(reportRequest('daily-usage', { version: '2024-06-01' }));
    expect(older.statusCode).toBe(400);
    expect(older.json).toMatchObject({ supportedVersions: ['2025-03-01', '2024-12-01'] });
  });
});
