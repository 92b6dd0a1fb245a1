import { problemDetails, type ProblemDetails } from './problem-error.js';
import type { InputIssue } from './read-input.js';

/** The problems the router itself answers with, in one place. */
export const routerProblems = {
  missingVersion: (): ProblemDetails =>
    problemDetails({
      status: 400,
      type: 'missing-version',
      title: 'Missing API version',
      detail: 'send the X-Api-Version header with the API version date, e.g. X-Api-Version: 2025-03-01',
    }),
  invalidVersion: (version: string): ProblemDetails =>
    problemDetails({
      status: 400,
      type: 'invalid-version',
      title: 'Invalid API version',
      detail: `X-Api-Version must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(version.slice(0, 40))}`,
    }),
  conflictingHeader: (name: string): ProblemDetails =>
    problemDetails({
      status: 400,
      type: 'conflicting-header',
      title: 'Conflicting header',
      detail: `${name} was sent more than once with different values; send it once`,
    }),
  notFound: (path: string): ProblemDetails =>
    problemDetails({ status: 404, detail: `no route matches ${path.slice(0, 200)}` }),
  methodNotAllowed: (method: string, allow: string): ProblemDetails =>
    problemDetails({ status: 405, detail: `${method.slice(0, 20)} is not allowed here; allowed: ${allow}` }),
  unsupportedVersion: (supportedVersions: readonly string[]): ProblemDetails =>
    problemDetails({
      status: 400,
      type: 'unsupported-version',
      title: 'Unsupported API version',
      detail: `supported versions: [${supportedVersions.map((v, i) => (i === 0 ? `${v} (latest)` : v)).join(', ')}]`,
      supportedVersions,
    }),
  validationFailed: (errors: readonly InputIssue[]): ProblemDetails =>
    problemDetails({
      status: 400,
      type: 'validation-failed',
      title: 'Validation failed',
      detail: `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
      errors,
    }),
  internalError: (requestId: string): ProblemDetails =>
    problemDetails({ status: 500, detail: `an unexpected error occurred (request id ${requestId})` }),
};
