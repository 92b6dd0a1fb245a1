import { ProblemError, type RouterLogger } from '@tollgate/router';
import { databaseUnavailableProblem } from '@tollgate/postgres-kit';
import { ResourceNotFoundError } from '../resources/resource-errors.js';

/**
 * The one place where domain errors become HTTP problems. Anything not listed here (e.g.
 * `CallerContextError`) is left to the router: a logged 500 that reveals nothing.
 */
export function toProblem(error: unknown, requestId: string, logger: RouterLogger): unknown {
  if (error instanceof ResourceNotFoundError) {
    return new ProblemError({ status: 404, type: 'not-found', detail: 'resource not found' });
  }
  return databaseUnavailableProblem(error, requestId, logger) ?? error;
}
