import type { ApiGatewayProxyResult } from './api-gateway-types.js';
import type { ProblemDetails } from './problem-error.js';
import type { RouteResponse } from './route.js';

/** Headers the router adds to every response it can attribute to a version (and route). */
export interface RouterHeaders {
  readonly version: string | undefined;
  readonly deprecation: Readonly<Record<string, string>> | null;
}

/**
 * Tenant data must never sit in a shared cache: every response is `Cache-Control: no-store`
 * unless its route set its own `Cache-Control`, and says it varies with `X-Api-Version` (added to
 * a route's own `Vary`), so a cache a route opts into never serves one version's body for another.
 */
function addRouterHeaders(headers: Record<string, string>, routerHeaders: RouterHeaders): void {
  let cacheControl = false;
  let varyName: string | undefined;
  for (const name in headers) {
    if (name.length === 13 && name.toLowerCase() === 'cache-control') cacheControl = true;
    else if (name.length === 4 && name.toLowerCase() === 'vary') varyName = name;
  }
  if (!cacheControl) headers['Cache-Control'] = 'no-store';
  if (varyName === undefined) headers['Vary'] = 'X-Api-Version';
  else if (!/(^|,)\s*(x-api-version|\*)\s*(,|$)/i.test(headers[varyName] as string)) {
    headers[varyName] = `${headers[varyName] as string}, X-Api-Version`;
  }
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
  /** The problem's JSON, when it was serialized ahead of time. */
  body: string = JSON.stringify(problem),
): ApiGatewayProxyResult {
  const headers: Record<string, string> = {};
  // A problem is always problem+json: a thrower's content-type, in any casing, must not make a second one.
  for (const name in extraHeaders) {
    if (!isContentType(name)) headers[name] = extraHeaders[name] as string;
  }
  headers['Content-Type'] = 'application/problem+json';
  addRouterHeaders(headers, routerHeaders);
  return { statusCode: problem.status, headers, body, isBase64Encoded: false };
}
