import type { ApiGatewayProxyResult } from './api-gateway-types.js';
import type { ProblemDetails } from './problem-error.js';
import type { RouteResponse } from './route.js';

/** Headers the router adds to every response it can attribute to a version (and route). */
export interface RouterHeaders {
  readonly version: string | undefined;
  readonly deprecation: Readonly<Record<string, string>> | null;
}

function addRouterHeaders(headers: Record<string, string>, routerHeaders: RouterHeaders): void {
  if (routerHeaders.version !== undefined) headers['X-Api-Version'] = routerHeaders.version;
  const deprecation = routerHeaders.deprecation;
  if (deprecation !== null) {
    for (const name in deprecation) headers[name] = deprecation[name] as string;
  }
}

function isContentType(name: string): boolean {
  return name.length === 12 && name.toLowerCase() === 'content-type';
}

/** A handler's response: JSON unless the handler chose a content-type and gave a string body. */
export function handlerResult(response: RouteResponse, routerHeaders: RouterHeaders): ApiGatewayProxyResult {
  const headers: Record<string, string> = {};
  let hasContentType = false;
  const own = response.headers;
  if (own !== undefined) {
    for (const name in own) {
      headers[name] = own[name] as string;
      if (!hasContentType && isContentType(name)) hasContentType = true;
    }
  }
  let body: string;
  const value = response.body;
  if (value === undefined) body = '';
  else if (hasContentType && typeof value === 'string') body = value;
  else {
    body = JSON.stringify(value);
    if (!hasContentType) headers['Content-Type'] = 'application/json';
  }
  addRouterHeaders(headers, routerHeaders);
  return { statusCode: response.status, headers, body, isBase64Encoded: false };
}

export function problemResult(
  problem: ProblemDetails,
  routerHeaders: RouterHeaders,
  extraHeaders?: Readonly<Record<string, string>>,
): ApiGatewayProxyResult {
  const headers: Record<string, string> = {};
  // A problem is always problem+json: a thrower's content-type, in any casing, must not make a second one.
  for (const name in extraHeaders) {
    if (!isContentType(name)) headers[name] = extraHeaders[name] as string;
  }
  headers['Content-Type'] = 'application/problem+json';
  addRouterHeaders(headers, routerHeaders);
  return { statusCode: problem.status, headers, body: JSON.stringify(problem), isBase64Encoded: false };
}
