import { createAnalyticsClient, type AnalyticsClientOptions } from './analytics-client.js';
import { analyticsToken, type AnalyticsTokenSource } from './analytics-token.js';
import type { Report } from './report.js';
import { startScriptedUpstream, type ScriptedAnswer, type ScriptedUpstream } from './scripted-upstream.test-support.js';
import { UpstreamError } from './upstream-error.js';
import { problemForUpstreamError } from './upstream-problem.js';

const report: Report = {
  reportId: 'daily-usage',
  companyId: '42',
  title: 'Daily usage',
  generatedAt: '2026-11-23T00:00:00.000Z',
  metrics: [{ name: 'requests', value: 1280 }],
};
const ok: ScriptedAnswer = { status: 200, body: report };
const secretBody = { message: 'boom', internal: 'password=hunter2 at db.query' };

let upstream: ScriptedUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

const fixedToken = (token: string) => analyticsToken({ source: 'env', token });

// Good answers get a generous per-attempt timeout; only tests of scripts that never answer
// rely on it running out.
const GENEROUS_TIMEOUT_MS = 5_000;

/** A client against a scripted upstream; sleeping only records the delay, randomness is fixed. */
async function clientFor(answers: ScriptedAnswer[], options: Partial<AnalyticsClientOptions> = {}) {
  upstream = await startScriptedUpstream(answers);
  const sleeps: number[] = [];
  const client = createAnalyticsClient({
    baseUrl: upstream.url,
    token: fixedToken('test-token'),
    timeoutMs: GENEROUS_TIMEOUT_MS,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps, requests: upstream.requests };
}

/** A token source handing out token-1, token-2, … one per `get`, recording invalidations. */
function rotatingTokens(): { source: AnalyticsTokenSource; invalidated: string[] } {
  let issued = 0;
  const invalidated: string[] = [];
  return {
    source: { get: async () => `token-${++issued}`, invalidate: (token) => void invalidated.push(token) },
    invalidated,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

describe('analytics client', () => {
  it('fetches the company’s report with the bearer token and returns it validated', async () => {
    const { client, requests } = await clientFor([{ status: 200, body: { ...report, extra: 'dropped' } }]);

    await expect(client.getReport('42', 'daily-usage')).resolves.toEqual(report);
    expect(requests).toEqual([
      { path: '/companies/42/reports/daily-usage', authorization: 'Bearer test-token', accept: 'application/json' },
    ]);
  });

  it('keeps a base path and ignores trailing slashes in the base URL; encodes path segments', async () => {
    upstream = await startScriptedUpstream([{ status: 200, body: { ...report, companyId: 'a/b' } }]);
    const client = createAnalyticsClient({ baseUrl: `${upstream.url}/v1//`, token: fixedToken('t') });

    await client.getReport('a/b', 'daily-usage');
    expect(upstream.requests[0]?.path).toBe('/v1/companies/a%2Fb/reports/daily-usage');
  });

  it('retries a 5xx after a jittered backoff and returns the later good answer', async () => {
    const { client, sleeps, requests } = await clientFor([{ status: 503, body: secretBody }, ok]);

    await expect(client.getReport('42', 'daily-usage')).resolves.toEqual(report);
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([50]); // random 0.5 × first ceiling 100 ms
  });

  it('gives up after two retries of 5xx answers, with exponentially growing backoff', async () => {
    const { client, sleeps, requests } = await clientFor([{ status: 500, body: secretBody }]);

    const error = await failureOf(client.getReport('42', 'daily-usage'));
    expect(error).toMatchObject({ kind: 'unavailable', attempts: 3, upstreamStatus: 500, reason: 'status 500' });
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it('never carries the upstream body in the error', async () => {
    const { client } = await clientFor([{ status: 500, body: secretBody }]);

    const error = await failureOf(client.getReport('42', 'daily-usage'));
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toMatch(/hunter2|boom/);
  });

  it('honours a configured number of retries', async () => {
    const { client, requests } = await clientFor([{ status: 502 }], { maxRetries: 0 });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'unavailable', attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('times out an upstream that never answers, retrying each time', async () => {
    const { client, requests } = await clientFor(['hang'], { timeoutMs: 50 });

    const error = await failureOf(client.getReport('42', 'daily-usage'));
    expect(error).toMatchObject({ kind: 'timeout', attempts: 3, reason: 'no answer within 50 ms' });
    expect(requests).toHaveLength(3);
  });

  it('times out a body that stalls after the headers', async () => {
    const { client } = await clientFor(['stall-body'], { timeoutMs: 50, maxRetries: 0 });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'timeout' });
  });

  it('recovers when a retry after a timeout gets a good answer', async () => {
    // One timeout for both attempts: the hang costs the whole generous timeout, so the deadline must hold two.
    const { client, requests } = await clientFor(['hang', ok], { deadlineMs: 3 * GENEROUS_TIMEOUT_MS });

    await expect(client.getReport('42', 'daily-usage')).resolves.toEqual(report);
    expect(requests).toHaveLength(2);
  }, 3 * GENEROUS_TIMEOUT_MS);

  it('retries network errors and reports them as unavailable', async () => {
    const { client, requests } = await clientFor(['drop']);

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({
      kind: 'unavailable',
      reason: 'network error',
      attempts: 3,
    });
    expect(requests).toHaveLength(3);
  });

  it('retries a connection lost in the middle of the body as a network error, not as bad JSON', async () => {
    const { client, requests } = await clientFor(['cut-body', ok]);

    await expect(client.getReport('42', 'daily-usage')).resolves.toEqual(report);
    expect(requests).toHaveLength(2);
  });

  it('reports a connection refused as unavailable', async () => {
    const { client } = await clientFor([ok]);
    await upstream?.close();
    upstream = undefined;

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'unavailable' });
  });

  it.each([
    ['404', { status: 404, body: secretBody }, 'not-found'],
    ['401 (bad token)', { status: 401, body: secretBody }, 'rejected'],
    ['429', { status: 429 }, 'rejected'],
    ['a redirect, without following it', { status: 302, headers: { location: 'http://127.0.0.1:9/' } }, 'rejected'],
    ['a body that is not JSON', { status: 200, body: '<html>oops</html>' }, 'invalid-response'],
    ['a body that is not a report', { status: 200, body: { ...report, metrics: 'many' } }, 'invalid-response'],
    ['a report of another company', { status: 200, body: { ...report, companyId: '43' } }, 'invalid-response'],
    ['another report than asked for', { status: 200, body: { ...report, reportId: 'monthly-summary' } }, 'invalid-response'],
  ] as const)('does not retry %s and fails as %s', async (_, answer, kind) => {
    const { client, requests } = await clientFor([answer, ok]);

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind, attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('asks the token source on each request, so it decides about caching', async () => {
    const { source } = rotatingTokens();
    const { client, requests } = await clientFor([ok], { token: source });

    await client.getReport('42', 'daily-usage');
    await client.getReport('42', 'daily-usage');
    expect(requests.map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it.each([401, 403])('after a %i, invalidates the token and tries once more with a fresh one', async (status) => {
    const { source, invalidated } = rotatingTokens();
    const { client, requests } = await clientFor([{ status, body: secretBody }, ok], { token: source });

    await expect(client.getReport('42', 'daily-usage')).resolves.toEqual(report);
    expect(invalidated).toEqual(['token-1']);
    expect(requests.map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives the fresh token a single attempt: a 5xx then is the answer, not retried', async () => {
    const { source } = rotatingTokens();
    const { client, sleeps, requests } = await clientFor([{ status: 401 }, { status: 503 }, ok], { token: source });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({
      kind: 'unavailable',
      attempts: 1,
      upstreamStatus: 503,
    });
    expect(requests.map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(sleeps).toEqual([]);
  });

  it('tries a fresh token once only: a second refusal is the answer', async () => {
    const { source } = rotatingTokens();
    const { client, requests } = await clientFor([{ status: 401 }], { token: source });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'rejected', upstreamStatus: 401 });
    expect(requests).toHaveLength(2);
  });

  it('reports a token source failure as token-unavailable, calling nothing and keeping only the cause’s name', async () => {
    const failing: AnalyticsTokenSource = {
      get: async () => Promise.reject(Object.assign(new Error('secret tollgate/analytics says hunter2'), { name: 'ThrottlingException' })),
      invalidate: () => undefined,
    };
    const { client, requests } = await clientFor([ok], { token: failing });

    const error = await failureOf(client.getReport('42', 'daily-usage'));
    expect(error).toMatchObject({ kind: 'token-unavailable', attempts: 0, reason: 'token could not be loaded (ThrottlingException)' });
    expect(error.message).not.toContain('hunter2');
    expect(requests).toEqual([]);
  });

  it('reports token-unavailable when the fresh token after a refusal cannot be loaded', async () => {
    let calls = 0;
    const source: AnalyticsTokenSource = {
      get: async () => (++calls === 1 ? 'old-token' : Promise.reject(new Error('throttled'))),
      invalidate: () => undefined,
    };
    const { client, requests } = await clientFor([{ status: 401 }, ok], { token: source });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'token-unavailable' });
    expect(requests).toHaveLength(1);
  });

  it('does not try again when the source has no other token to offer', async () => {
    const { client, requests } = await clientFor([{ status: 401 }, ok]);

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'rejected', attempts: 1 });
    expect(requests).toHaveLength(1);
  });
});

/** Time that moves only when told to: by a backoff sleep, or by the test. */
function virtualClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    advance: (ms: number) => void (time += ms),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
  };
}

describe('analytics client deadline', () => {
  it('starts no retry the deadline cannot hold (backoff plus a full attempt) and answers with the last failure (a 5xx stays a 502)', async () => {
    const clock = virtualClock();
    // Each answer is a 503 that took 3 s: 3 s, backoff 50 ms, 3 s, and 3.95 s left cannot hold 100 ms + 4 s.
    const slowFetch: typeof fetch = (input, init) => {
      clock.advance(3_000);
      return fetch(input, init);
    };
    const { client, requests } = await clientFor([{ status: 503 }], {
      timeoutMs: 4_000,
      deadlineMs: 10_000,
      now: clock.now,
      sleep: clock.sleep,
      fetch: slowFetch,
    });

    const error = await failureOf(client.getReport('42', 'daily-usage'));
    expect(error).toMatchObject({ kind: 'unavailable', attempts: 2, reason: 'status 503', upstreamStatus: 503 });
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([50]);
    expect(problemForUpstreamError(error).problem).toMatchObject({
      status: 502,
      type: 'https://tollgate.dev/problems/bad-gateway',
    });
  });

  it('cuts an attempt short to the time left of the deadline', async () => {
    const clock = virtualClock();
    const slowToken: AnalyticsTokenSource = {
      get: async () => {
        clock.advance(9_900); // e.g. a slow Secrets Manager read
        return 'test-token';
      },
      invalidate: () => undefined,
    };
    const { client, requests } = await clientFor(['hang'], { token: slowToken, now: clock.now, maxRetries: 0 });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({
      kind: 'timeout',
      attempts: 1,
      reason: 'no answer within 100 ms',
    });
    expect(requests).toHaveLength(1);
  });

  it('calls nothing when loading the token spent the deadline', async () => {
    const clock = virtualClock();
    const slowToken: AnalyticsTokenSource = {
      get: async () => {
        clock.advance(10_000);
        return 'test-token';
      },
      invalidate: () => undefined,
    };
    const { client, requests } = await clientFor([ok], { token: slowToken, now: clock.now });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'timeout', attempts: 0 });
    expect(requests).toEqual([]);
  });

  it('keeps the fresh-token try after a refusal within the same deadline', async () => {
    const clock = virtualClock();
    let issued = 0;
    const rereadTakesLong: AnalyticsTokenSource = {
      get: async () => {
        if (++issued === 2) clock.advance(10_000);
        return `token-${issued}`;
      },
      invalidate: () => undefined,
    };
    const { client, requests } = await clientFor([{ status: 401 }, ok], { token: rereadTakesLong, now: clock.now });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'timeout', attempts: 0 });
    expect(requests.map((r) => r.authorization)).toEqual(['Bearer token-1']);
  });

  it('runs on the real clock by default: a hanging upstream is answered at the deadline', async () => {
    const { client, requests } = await clientFor(['hang'], { deadlineMs: 100 });

    expect(await failureOf(client.getReport('42', 'daily-usage'))).toMatchObject({ kind: 'timeout', attempts: 1 });
    expect(requests).toHaveLength(1);
  });
});
