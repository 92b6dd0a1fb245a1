import { ProblemError } from '@tollgate/router';
import type { UpstreamError, UpstreamFailureKind } from './upstream-error.js';

const answers: Readonly<Record<UpstreamFailureKind, { readonly status: number; readonly detail: string }>> = {
  'not-found': { status: 404, detail: 'report not found' },
  timeout: { status: 504, detail: 'the analytics data service did not answer in time' },
  unavailable: { status: 502, detail: 'the analytics data service is unavailable' },
  'invalid-response': { status: 502, detail: 'the analytics data service sent an unusable answer' },
  rejected: { status: 502, detail: 'the analytics data service refused the request' },
};

/** The one place where an upstream failure becomes an HTTP answer. */
export function problemForUpstreamError(error: UpstreamError): ProblemError {
  return new ProblemError(answers[error.kind]);
}
