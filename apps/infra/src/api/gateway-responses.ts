/**
 * API Gateway's own error answers, rewritten as RFC 9457 problem details with the platform's
 * type URIs. Templates are simple variable substitution (not VTL); `$context.error.messageString`
 * arrives already JSON-quoted.
 */
export interface GatewayProblemResponse {
  /** `ResponseType` name, e.g. `UNAUTHORIZED`. */
  readonly type: string;
  /** Fixed status; unset for the DEFAULT_* families, which keep API Gateway's own status. */
  readonly statusCode?: string;
  readonly body: Readonly<Record<string, string | number>>;
}

export const problemContentType = 'application/problem+json';
const problemType = (slug: string) => `https://tollgate.dev/problems/${slug}`;
const requestId = '$context.requestId';
/** API Gateway's own message for the error; substituted already JSON-quoted. */
const gatewayMessage = '$context.error.messageString';

export const gatewayProblemResponses: readonly GatewayProblemResponse[] = [
  {
    type: 'BAD_REQUEST_PARAMETERS',
    statusCode: '400',
    body: {
      type: problemType('missing-api-key'),
      title: 'Missing API Key',
      status: 400,
      detail: 'the X-Api-Key header is required',
    },
  },
  {
    type: 'UNAUTHORIZED',
    statusCode: '401',
    body: {
      type: problemType('unauthorized'),
      title: 'Unauthorized',
      status: 401,
      detail: 'the API key is missing or unknown',
    },
  },
  {
    type: 'ACCESS_DENIED',
    statusCode: '403',
    body: {
      type: problemType('forbidden'),
      title: 'Forbidden',
      status: 403,
      detail: 'the API key is not allowed to make this request',
    },
  },
  {
    // What API Gateway answers for a path or method no resource declares: a 404 to clients.
    type: 'MISSING_AUTHENTICATION_TOKEN',
    statusCode: '404',
    body: {
      type: problemType('not-found'),
      title: 'Not Found',
      status: 404,
      detail: 'no route matches the request path and method',
    },
  },
  {
    // Throttling, quotas, payload size…: the status varies, so the body carries none.
    type: 'DEFAULT_4XX',
    body: {
      type: 'about:blank',
      title: gatewayMessage,
      detail: gatewayMessage,
    },
  },
  {
    type: 'DEFAULT_5XX',
    body: {
      type: problemType('internal-error'),
      title: 'Internal Server Error',
      detail: 'the gateway could not complete the request',
    },
  },
];

/** The response template: the problem as JSON plus the request id, quoted values left to API Gateway. */
export function problemTemplate(body: GatewayProblemResponse['body']): string {
  const members = Object.entries({ ...body, requestId }).map(([key, value]) => {
    const raw = value === gatewayMessage || typeof value === 'number';
    return `${JSON.stringify(key)}:${raw ? String(value) : JSON.stringify(value)}`;
  });
  return `{${members.join(',')}}`;
}
