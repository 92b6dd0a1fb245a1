import { ProblemError, type RouterLogger } from '@tollgate/router';
import { DatabaseUnavailableError } from '@tollgate/postgres-kit';
import { ResourceNotFoundError } from '../resources/resource-errors.js';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The one place where domain errors become HTTP problems. Anything not listed here (e.g.
 * `CallerContextError`) is left to the router: a logged 500 that reveals nothing.
 */
export function toProblem(error: unknown, requestId: string, logger: RouterLogger): unknown {
  if (error instanceof ResourceNotFoundError) {
    return new ProblemError({ status: 404, type: 'not-found', detail: 'resource not found' });
  }
  if (error instanceof DatabaseUnavailableError) {
    logger.error('database unavailable', { requestId, reason: error.reason });
    return new ProblemError(
      {
        status: 503,
        type: 'service-unavailable',
        detail: 'the service is temporarily unavailable; retry later',
      },
      { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
  return error;
}
