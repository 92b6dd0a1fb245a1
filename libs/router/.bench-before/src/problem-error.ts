const PROBLEM_TYPE_BASE = 'https://tollgate.dev/problems/';

/** RFC 9457 problem details as sent to clients (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly [extension: string]: unknown;
}

/**
 * What a thrower states about a problem. `type` is a platform slug (`not-found`) or an absolute
 * URI; `type` and `title` default from the status.
 */
export interface ProblemInit {
  readonly status: number;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly [extension: string]: unknown;
}

export interface ProblemErrorOptions {
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>;
}

const STATUS_DEFAULTS: Readonly<Record<number, readonly [slug: string, title: string]>> = {
  400: ['bad-request', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not Found'],
  405: ['method-not-allowed', 'Method Not Allowed'],
  409: ['conflict', 'Conflict'],
  422: ['unprocessable-content', 'Unprocessable Content'],
  429: ['too-many-requests', 'Too Many Requests'],
  500: ['internal-error', 'Internal Server Error'],
  502: ['bad-gateway', 'Bad Gateway'],
  503: ['service-unavailable', 'Service Unavailable'],
  504: ['gateway-timeout', 'Gateway Timeout'],
};

/** `not-found` → `https://tollgate.dev/problems/not-found`; absolute URIs pass through. */
export function problemType(slugOrUri: string): string {
  return slugOrUri.includes(':') ? slugOrUri : PROBLEM_TYPE_BASE + slugOrUri;
}

export function problemDetails(init: ProblemInit): ProblemDetails {
  const defaults = STATUS_DEFAULTS[init.status];
  const { type, title, status, detail, ...extensions } = init;
  // Members in RFC 9457's order, extensions last, so every problem reads the same way.
  return {
    type: type === undefined ? (defaults ? problemType(defaults[0]) : 'about:blank') : problemType(type),
    title: title ?? defaults?.[1] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...extensions,
  };
}

/**
 * Throw from a handler to answer with a problem+json response; any other thrown value becomes
 * a 500 whose body reveals nothing.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: ProblemInit, options: ProblemErrorOptions = {}) {
    if (!Number.isInteger(init.status) || init.status < 400 || init.status > 599) {
      throw new RangeError(`ProblemError status must be an integer 400-599, got ${init.status}`);
    }
    const problem = problemDetails(init);
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.problem = problem;
    this.headers = options.headers ?? {};
  }
}
