import { setTimeout as delay } from 'node:timers/promises';
import type { AnalyticsTokenSource } from './analytics-token.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { reportSchema, type Report } from './report.js';
import { UpstreamError, type UpstreamFailureKind } from './upstream-error.js';

/** Reads reports from the external data API, always on behalf of one company. */
export interface AnalyticsClient {
  /**
   * Resolves the report or rejects with an `UpstreamError` (`token-unavailable` when the token
   * source fails, `timeout` when the deadline is spent).
   */
  getReport(companyId: string, reportId: string): Promise<Report>;
}

export interface AnalyticsClientOptions {
  /** Base URL of the external data API, e.g. `https://data.example.com/v1`. */
  readonly baseUrl: string;
  /**
   * The bearer token, asked once per report request (so it should cache). When the upstream
   * refuses it (401/403), the client invalidates it and, if the source then has another one,
   * tries once more with that: a single attempt, within the same deadline.
   */
  readonly token: AnalyticsTokenSource;
  /** Per-attempt limit covering headers and body, never beyond the deadline. Default 3000 ms. */
  readonly timeoutMs?: number;
  /**
   * Everything one `getReport` does (token loads, attempts, backoff) ends within this, so the
   * caller gets our 504 before the Lambda times out. Default 10000 ms.
   */
  readonly deadlineMs?: number;
  /** Retries after the first attempt for timeouts, network errors and 5xx. Default 2. */
  readonly maxRetries?: number;
  /** Default: first retry within 100 ms, never more than 1000 ms. */
  readonly backoff?: BackoffOptions;
  /** Injected so tests neither wait nor depend on chance. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** A clock in ms (any origin) for the deadline; default `performance.now`, which never jumps. */
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

type AttemptResult =
  | { readonly ok: true; readonly report: Report }
  | {
      readonly ok: false;
      readonly kind: UpstreamFailureKind;
      readonly reason: string;
      readonly retryable: boolean;
      readonly status?: number;
    };

const defaultBackoff: BackoffOptions = { baseDelayMs: 100, maxDelayMs: 1000 };

export function createAnalyticsClient(options: AnalyticsClientOptions): AnalyticsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const deadlineMs = options.deadlineMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 2;
  const backoff = options.backoff ?? defaultBackoff;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => performance.now());
  const fetchImpl = options.fetch ?? fetch;

  async function attempt(
    url: string,
    token: string,
    companyId: string,
    reportId: string,
    attemptTimeoutMs: number,
  ): Promise<AttemptResult> {
    const signal = AbortSignal.timeout(attemptTimeoutMs);
    const failed = (kind: UpstreamFailureKind, reason: string, retryable: boolean, status?: number): AttemptResult => ({
      ok: false,
      kind,
      reason,
      retryable,
      status,
    });
    try {
      // `manual`: a redirect is an answer we do not accept, and following it could carry the token elsewhere.
      const response = await fetchImpl(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        redirect: 'manual',
        signal,
      });
      const { status } = response;
      if (status !== 200) {
        // The body is never read: it must not reach a client or a log, and the socket is freed at once.
        await response.body?.cancel().catch(() => undefined);
        if (status === 404) return failed('not-found', 'status 404', false, status);
        if (status >= 500) return failed('unavailable', `status ${status}`, true, status);
        return failed('rejected', `status ${status}`, false, status);
      }
      // Read first, parse second: a connection lost mid-body is a network error (retried), not bad JSON.
      const text = await response.text();
      let payload: unknown;
      try {
        payload = JSON.parse(text);
      } catch {
        return failed('invalid-response', 'body is not JSON', false, status);
      }
      const parsed = reportSchema.safeParse(payload);
      if (!parsed.success) return failed('invalid-response', 'body does not match the report schema', false, status);
      if (parsed.data.companyId !== companyId || parsed.data.reportId !== reportId) {
        // Never pass on a report we did not ask for: it may belong to another company.
        return failed('invalid-response', 'report does not match the requested company or id', false, status);
      }
      return { ok: true, report: parsed.data };
    } catch {
      return signal.aborted
        ? failed('timeout', `no answer within ${attemptTimeoutMs} ms`, true)
        : failed('unavailable', 'network error', true);
    }
  }

  const deadlineSpent = (attempts: number) =>
    new UpstreamError('timeout', `deadline of ${deadlineMs} ms reached`, attempts);

  /**
   * One token, with up to `retries` retries for timeouts, network errors and 5xx. Each attempt
   * gets what is left of the deadline, at most `timeoutMs`; a retry starts only when the time
   * left holds its backoff and a full attempt, since a cut-short attempt at a struggling
   * upstream mostly adds load.
   */
  async function withRetries(
    url: string,
    token: string,
    companyId: string,
    reportId: string,
    deadline: number,
    retries: number,
  ): Promise<Report> {
    for (let attempts = 0; ; ) {
      const left = deadline - now();
      if (left <= 0) throw deadlineSpent(attempts);
      attempts++;
      // Whole milliseconds: AbortSignal.timeout rejects fractions, and a clock like performance.now has them.
      const result = await attempt(url, token, companyId, reportId, Math.ceil(Math.min(timeoutMs, left)));
      if (result.ok) return result.report;
      if (!result.retryable || attempts > retries) {
        throw new UpstreamError(result.kind, result.reason, attempts, result.status);
      }
      const pause = backoffDelay(attempts, backoff, random);
      // No time for another try: the caller hears what actually went wrong (a 5xx stays a 502).
      if (deadline - now() < pause + timeoutMs) throw new UpstreamError(result.kind, result.reason, attempts, result.status);
      await sleep(pause);
    }
  }

  return {
    async getReport(companyId, reportId) {
      const url = `${baseUrl}/companies/${encodeURIComponent(companyId)}/reports/${encodeURIComponent(reportId)}`;
      const deadline = now() + deadlineMs;
      const token = await tokenFrom(options.token);
      try {
        return await withRetries(url, token, companyId, reportId, deadline, maxRetries);
      } catch (error) {
        if (!isTokenRefusal(error)) throw error;
        // A rotated secret: the token in hand is the old one. Another try only helps with another token.
        options.token.invalidate(token);
        const fresh = await tokenFrom(options.token);
        if (fresh === token) throw error;
        // One attempt: the refusal was an answer, so this try is about the token, not the upstream's health.
        return withRetries(url, fresh, companyId, reportId, deadline, 0);
      }
    },
  };
}

/** A token source failure (no token in hand) as a typed error; only the cause's name is kept, never its message. */
async function tokenFrom(source: AnalyticsTokenSource): Promise<string> {
  try {
    return await source.get();
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    throw new UpstreamError('token-unavailable', `token could not be loaded (${name})`, 0);
  }
}

function isTokenRefusal(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && (error.upstreamStatus === 401 || error.upstreamStatus === 403);
}
