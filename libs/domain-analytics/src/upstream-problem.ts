import { ProblemError } from '@tollgate/router';
import type { UpstreamError, UpstreamFailureKind } from './upstream-error.js';

/** Seconds a client should wait before retrying a 503 (the same as the resources domain's). */
export const RETRY_AFTER_SECONDS = 5;

interface Answer {
  readonly status: number;
  readonly detail: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const answers: Readonly<Record<UpstreamFailureKind, Answer>> = {
  'not-found': { status: 404, detail: 'report not found' },
  timeout: { status: 504, detail: 'the analytics data service did not answer in time' },
  unavailable: { status: 502, detail: 'the analytics data service is unavailable' },
  'invalid-response': { status: 502, detail: 'the analytics data service sent an unusable answer' },
  rejected: { status: 502, detail: 'the analytics data service refused the request' },
  // Nothing reached the upstream: our credential store failed, and retrying later can help.
  'token-unavailable': {
    status: 503,
    detail: 'the service is temporarily unavailable; retry later',
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  },
};

/** The one place where an upstream failure becomes an HTTP answer (503's `type` is `service-unavailable`). */
export function problemForUpstreamError(error: UpstreamError): ProblemError {
  const { headers, ...problem } = answers[error.kind];
  return new ProblemError(problem, { headers });
}
