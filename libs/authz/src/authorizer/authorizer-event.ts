import type { AuthorizationRequest } from '../decision/decide.js';

type StringMap<V> = Readonly<Record<string, V | undefined>> | null | undefined;

/**
 * The fields of API Gateway's REST `REQUEST` authorizer event that the authorizer reads
 * (structurally compatible with `APIGatewayRequestAuthorizerEvent` from `@types/aws-lambda`).
 * Maps may be null (console test invocations), so every read is defensive.
 */
export interface AuthorizerEvent {
  readonly methodArn: string;
  readonly httpMethod: string;
  /** The request path without stage prefix, e.g. `/resources/42` — what grants are matched on. */
  readonly path: string;
  readonly headers?: StringMap<string>;
  readonly multiValueHeaders?: StringMap<readonly string[]>;
  readonly queryStringParameters?: StringMap<string>;
  readonly multiValueQueryStringParameters?: StringMap<readonly string[]>;
  readonly requestContext?: { readonly requestId?: string } | null;
}

/**
 * Extracts what `decide` judges. The path is `event.path`, the same string the backend routes
 * on — not `event.resource`, which is the API Gateway resource (`/resources/{proxy+}` behind a
 * proxy resource) and says nothing about the route.
 */
export function authorizationRequest(event: AuthorizerEvent): AuthorizationRequest {
  return {
    apiKey: apiKeyHeader(event),
    method: event.httpMethod,
    path: event.path,
    queryParameterNames: queryParameterNames(event),
  };
}

/** `X-Api-Key`, matched case-insensitively (API Gateway keeps the client's header casing). */
function apiKeyHeader(event: AuthorizerEvent): string | undefined {
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value && name.toLowerCase() === 'x-api-key') return value;
  }
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    if (values?.[0] && name.toLowerCase() === 'x-api-key') return values[0];
  }
  return undefined;
}

function queryParameterNames(event: AuthorizerEvent): string[] {
  const single = Object.keys(event.queryStringParameters ?? {});
  const multi = event.multiValueQueryStringParameters;
  if (!multi) return single;
  return [...new Set([...single, ...Object.keys(multi)])];
}
