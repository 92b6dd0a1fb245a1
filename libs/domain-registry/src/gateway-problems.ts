/**
 * The errors API Gateway itself answers, as RFC 9457 problem details. The infra app renders its
 * gateway responses from this catalogue and the local API its own error bodies, so a client
 * sees the same body from both. Plain data: `responseTypes` are API Gateway `ResponseType` names.
 */

export const problemContentType = 'application/problem+json';

const problemType = (slug: string) => `https://tollgate.dev/problems/${slug}`;

export type GatewayProblemSlug =
  | 'missing-api-key'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'request-too-large'
  | 'internal-error'
  | 'bad-gateway'
  | 'gateway-timeout';

export interface GatewayProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The gateway response types answered with this problem, at this status. */
  readonly responseTypes: readonly string[];
}

const internalError = {
  type: problemType('internal-error'),
  title: 'Internal Server Error',
  detail: 'the gateway could not complete the request',
};

export const gatewayProblems: Readonly<Record<GatewayProblemSlug, GatewayProblem>> = {
  // The request validator's answer; X-Api-Key is the only required parameter.
  'missing-api-key': {
    type: problemType('missing-api-key'),
    title: 'Missing API Key',
    status: 400,
    detail: 'the X-Api-Key header is required',
    responseTypes: ['BAD_REQUEST_PARAMETERS'],
  },
  unauthorized: {
    type: problemType('unauthorized'),
    title: 'Unauthorized',
    status: 401,
    detail: 'the API key is missing or unknown',
    responseTypes: ['UNAUTHORIZED'],
  },
  // INVALID_API_KEY: the key is valid to the authorizer but not registered on the usage plan.
  forbidden: {
    type: problemType('forbidden'),
    title: 'Forbidden',
    status: 403,
    detail: 'the API key is not allowed to make this request',
    responseTypes: ['ACCESS_DENIED', 'INVALID_API_KEY'],
  },
  // MISSING_AUTHENTICATION_TOKEN is what API Gateway answers (403 by default) for a path or
  // method no resource declares: a 404 to clients.
  'not-found': {
    type: problemType('not-found'),
    title: 'Not Found',
    status: 404,
    detail: 'no route matches the request path and method',
    responseTypes: ['MISSING_AUTHENTICATION_TOKEN', 'RESOURCE_NOT_FOUND'],
  },
  'request-too-large': {
    type: problemType('request-too-large'),
    title: 'Content Too Large',
    status: 413,
    detail: 'the request body is larger than the gateway accepts (10 MB)',
    responseTypes: ['REQUEST_TOO_LARGE'],
  },
  'internal-error': {
    ...internalError,
    status: 500,
    responseTypes: [
      'AUTHORIZER_FAILURE',
      'AUTHORIZER_CONFIGURATION_ERROR',
      'API_CONFIGURATION_ERROR',
    ],
  },
  // AWS's default for INTEGRATION_FAILURE is 504; a Lambda that failed answered, so 502 here.
  'bad-gateway': {
    type: problemType('bad-gateway'),
    title: 'Bad Gateway',
    status: 502,
    detail: 'the service behind the gateway failed or returned an invalid response',
    responseTypes: ['INTEGRATION_FAILURE'],
  },
  'gateway-timeout': {
    type: problemType('gateway-timeout'),
    title: 'Gateway Timeout',
    status: 504,
    detail: 'the service behind the gateway did not answer in time',
    responseTypes: ['INTEGRATION_TIMEOUT'],
  },
};

/**
 * Every other gateway error (throttling, quotas, a 414 for an over-long method ARN…) falls back
 * to DEFAULT_4XX/DEFAULT_5XX. Their status varies, so their bodies carry none and keep API
 * Gateway's own status; a title or detail left unset is API Gateway's own message.
 */
export interface GatewayFallbackProblem {
  readonly responseType: 'DEFAULT_4XX' | 'DEFAULT_5XX';
  readonly type: string;
  readonly title?: string;
  readonly detail?: string;
}

export const gatewayFallbackProblems: {
  readonly clientError: GatewayFallbackProblem;
  readonly serverError: GatewayFallbackProblem;
} = {
  clientError: { responseType: 'DEFAULT_4XX', type: 'about:blank' },
  serverError: { responseType: 'DEFAULT_5XX', ...internalError },
};

/** The body a client receives: the problem plus the request id (`x-amzn-RequestId`). */
export interface GatewayProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status?: number;
  readonly detail: string;
  readonly requestId: string;
}

export function gatewayProblemBody(problem: GatewayProblem, requestId: string): GatewayProblemBody {
  const { type, title, status, detail } = problem;
  return { type, title, status, detail, requestId };
}

/** A fallback's body; `message` is API Gateway's own message for the error. */
export function gatewayFallbackBody(
  fallback: GatewayFallbackProblem,
  requestId: string,
  message: string,
): GatewayProblemBody {
  return {
    type: fallback.type,
    title: fallback.title ?? message,
    detail: fallback.detail ?? message,
    requestId,
  };
}
