import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { proxyEvent } from '@tollgate/router/testing';
import { emfViolations } from '@tollgate/runtime-kit/testing';
import {
  analyticsStandInToken,
  demoReports,
  simulatedFailures,
  startAnalyticsStandIn,
  type AnalyticsStandIn,
} from '@tollgate/domain-analytics/dev';

// The spec exercises what ships: the esbuild bundle (the test target depends on `build`).
const bundle = resolve(__dirname, '../../../dist/apps/analytics-lambda/index.js');
const run = promisify(execFile);

type Handler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

let standIn: AnalyticsStandIn;
/** A container whose answers get a generous timeout. */
let handler: Handler;
/** A container with a short deadline, only ever sent to the report that never answers. */
let impatientHandler: Handler;
let warnings: string[];
const savedEnv = { ...process.env };

/** A fresh copy of the bundle (its own module state), cold-started with these limits. */
function loadBundle({ timeoutMs, deadlineMs }: { timeoutMs: number; deadlineMs: number }): Handler {
  Object.assign(process.env, {
    ANALYTICS_API_URL: standIn.url,
    ANALYTICS_API_TOKEN: analyticsStandInToken,
    ANALYTICS_API_TIMEOUT_MS: String(timeoutMs),
    ANALYTICS_API_DEADLINE_MS: String(deadlineMs),
  });
  let loaded: Handler | undefined;
  jest.isolateModules(() => {
    loaded = (require(bundle) as { handler: Handler }).handler;
  });
  if (!loaded) throw new Error(`${bundle} exports no handler`);
  return loaded;
}

beforeAll(async () => {
  standIn = await startAnalyticsStandIn();
  handler = loadBundle({ timeoutMs: 4_000, deadlineMs: 12_000 }); // the most the configuration allows
  // Without the deadline, 3 attempts of 4 s would outlast the test's 5 s.
  impatientHandler = loadBundle({ timeoutMs: 4_000, deadlineMs: 300 });
});
beforeEach(() => {
  warnings = [];
  // The Lambdas log through the runtime kit, which writes to stdout.
  jest.spyOn(process.stdout, 'write').mockImplementation((line) => warnings.push(String(line)) > 0);
});
afterEach(() => jest.restoreAllMocks());
afterAll(async () => {
  process.env = savedEnv;
  await standIn.close();
});

/** A REST API proxy event as API Gateway sends it after the authorizer let company `companyId` in. */
function restEvent(
  path: string,
  { method = 'GET', version = '2024-12-01' as string | null, companyId = '42' } = {},
): APIGatewayProxyEvent {
  return proxyEvent({
    method,
    path,
    version: version ?? undefined,
    resource: '/analytics/{proxy+}',
    headers: { Host: 'api.example.com', 'X-Api-Key': 'sk_live_abc123' },
    authorizer: { companyId, userId: '7', principalId: `${companyId}-7`, integrationLatency: 12 },
  });
}

async function send(event: APIGatewayProxyEvent) {
  const noAnswer = event.path.endsWith(`/${simulatedFailures.noAnswer}`);
  const result = await (noAnswer ? impatientHandler : handler)(event);
  return { ...result, json: JSON.parse(result.body) as Record<string, unknown> };
}

const problem = (slug: string) => `https://tollgate.dev/problems/${slug}`;

describe('analytics-lambda bundle: GET /analytics/{reportId}', () => {
  it('returns the caller’s company’s report as JSON, echoing the version', async () => {
    const response = await send(restEvent('/analytics/monthly-summary'));

    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Api-Version': '2024-12-01' });
    expect(response.json).toEqual(demoReports.find((r) => r.companyId === '42' && r.reportId === 'monthly-summary'));
  });

  it('scopes reports to the authorized company: another company’s report is a 404', async () => {
    expect((await send(restEvent('/analytics/quarterly-review'))).statusCode).toBe(200);

    const response = await send(restEvent('/analytics/quarterly-review', { companyId: '43' }));
    expect(response.statusCode).toBe(404);
    expect(response.headers).toMatchObject({ 'Content-Type': 'application/problem+json' });
    expect(response.json).toMatchObject({ type: problem('not-found'), status: 404 });
  });

  it.each([
    ['a malformed report id', '/analytics/not.valid', {}, 400, 'validation-failed'],
    ['no X-Api-Version', '/analytics/daily-usage', { version: null }, 400, 'missing-version'],
    ['an unsupported version', '/analytics/daily-usage', { version: '2024-06-01' }, 400, 'unsupported-version'],
    ['another method', '/analytics/daily-usage', { method: 'DELETE' }, 405, 'method-not-allowed'],
    ['an unknown path', '/analytics/daily-usage/extra', {}, 404, 'not-found'],
    ['a failing upstream', '/analytics/upstream-failure', {}, 502, 'bad-gateway'],
    ['a malformed upstream payload', '/analytics/malformed', {}, 502, 'bad-gateway'],
    ['an upstream report of another company', '/analytics/wrong-company', {}, 502, 'bad-gateway'],
    ['an upstream that does not answer', '/analytics/upstream-timeout', {}, 504, 'gateway-timeout'],
  ] as const)('answers %s (%s %j) with %i %s', async (_, path, options, status, slug) => {
    const response = await send(restEvent(path, options));

    expect(response.statusCode).toBe(status);
    expect(response.headers).toMatchObject({ 'Content-Type': 'application/problem+json' });
    expect(response.json).toMatchObject({ type: problem(slug), status });
    const everything = JSON.stringify([response, warnings]);
    expect(everything).not.toContain('db.query');
    expect(everything).not.toContain(analyticsStandInToken);
  });

  it('logs an upstream failure as one JSON line with the request id', async () => {
    await send(restEvent('/analytics/upstream-failure'));

    const lines = warnings.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line['level'] === 'WARN')).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'analytics upstream request failed',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        kind: 'unavailable',
        attempts: 3,
        upstreamStatus: 500,
      }),
    ]);
  });
  it('logs one line per request that is also a valid EMF document of the request metrics', async () => {
    await send(restEvent('/analytics/upstream-failure'));

    const requests = warnings.filter((line) => line.includes('"message":"request"'));
    expect(requests).toHaveLength(1);
    expect(emfViolations((requests[0] as string).trim())).toEqual([]);
    expect(JSON.parse(requests[0] as string)).toMatchObject({
      service: 'analytics-lambda',
      route: 'GET /analytics/{reportId}',
      statusClass: '5xx',
      serverErrors: 1,
      companyId: '42',
    });
  });
});

describe('analytics-lambda bundle: cold start', () => {
  const nodeEnv = { PATH: process.env.PATH ?? '' };

  it('fails with one line naming a missing variable', async () => {
    const failure = await run(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], { env: nodeEnv }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('ConfigError: invalid configuration: ANALYTICS_API_URL is required');
  });

  it('runs with no AWS SDK installed when the token comes from the environment', async () => {
    // A copy outside the repository cannot resolve `@aws-sdk/*`: any attempt to load it would fail.
    const dir = await mkdtemp(join(tmpdir(), 'analytics-lambda-'));
    try {
      for (const file of ['index.js', 'package.json']) await copyFile(join(dirname(bundle), file), join(dir, file));
      const script = `require('./index.js').handler(${JSON.stringify(restEvent('/analytics/daily-usage'))})
        .then((result) => console.log(result.statusCode))`;
      const { stdout } = await run(process.execPath, ['-e', script], {
        cwd: dir,
        env: { ...nodeEnv, ANALYTICS_API_URL: standIn.url, ANALYTICS_API_TOKEN: analyticsStandInToken },
      });

      // The last line: the request's own log line comes first.
      expect(stdout.trim().split('\n').at(-1)).toBe('200');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
