import { ProblemError, type RouterLogger } from '@tollgate/router';
import { DatabaseUnavailableError } from './database-errors.js';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A `DatabaseUnavailableError` as the 503 problem every domain answers (logged with the request
 * id and the short reason, never a message); undefined for any other error.
 */
export function databaseUnavailableProblem(
  error: unknown,
  requestId: string,
  logger: RouterLogger,
): ProblemError | undefined {
  if (!(error instanceof DatabaseUnavailableError)) return undefined;
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
