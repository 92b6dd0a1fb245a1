import * as z from 'zod/mini';
import type { AuthorizationRequest } from '../decision/decide.js';

type StringMap<V> = Readonly<Record<string, V | null | undefined>> | null | undefined;

/**
 * The fields of API Gateway's REST `REQUEST` authorizer event that the authorizer reads
 * (structurally compatible with `APIGatewayRequestAuthorizerEvent` from `@types/aws-lambda`).
 * Maps may be null (console test invocations).
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

const stringMap = z.nullish(z.record(z.string(), z.nullish(z.string())));
const listMap = z.nullish(z.record(z.string(), z.nullish(z.array(z.string()))));

// Only what the authorizer reads is checked; other fields (resource, pathParameters, …) pass.
const eventSchema = z.looseObject({
  methodArn: z.string(),
  httpMethod: z.string().check(z.minLength(1)),
  path: z.string().check(z.startsWith('/')),
  headers: stringMap,
  multiValueHeaders: listMap,
  queryStringParameters: stringMap,
  multiValueQueryStringParameters: listMap,
  requestContext: z.nullish(z.looseObject({ requestId: z.optional(z.string()) })),
});

/** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/`, then the verb and the actual path. */
const METHOD_ARN_HEAD = /^arn:aws[a-z-]*:execute-api:[^:/]+:[^:/]+:[^:/]+\/[^/]+\//;

/**
 * The event, if it has the shape API Gateway sends and its `methodArn` names the very request
 * (`httpMethod` and `path`) that is judged; else undefined. The policy allows the `methodArn`
 * and grants are matched on `httpMethod` and `path`: were they to disagree, an Allow for one
 * request would be judged on another.
 */
export function validAuthorizerEvent(input: unknown): AuthorizerEvent | undefined {
  const result = eventSchema.safeParse(input);
  if (!result.success) return undefined;
  const event = result.data;
  const head = METHOD_ARN_HEAD.exec(event.methodArn)?.[0];
  if (head === undefined || event.methodArn.slice(head.length) !== `${event.httpMethod}${event.path}`) return undefined;
  return event;
}

/** The request id of any value, for logging a malformed event. */
export function requestIdOf(input: unknown): string | undefined {
  const context = (input as { requestContext?: unknown } | null | undefined)?.requestContext;
  const requestId = (context as { requestId?: unknown } | null | undefined)?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

/**
 * Extracts what `decide` judges, or `conflicting-keys` when the request carries `X-Api-Key`
 * more than once with different values: the gateway's access log names the last, a first-wins
 * rule would judge another key — so neither is judged. The path is `event.path`, the same
 * string the backend routes on — not `event.resource`, which is the API Gateway resource
 * (`/resources/{proxy+}` behind a proxy resource) and says nothing about the route.
 */
export function authorizationRequest(event: AuthorizerEvent): AuthorizationRequest | 'conflicting-keys' {
  const apiKey = apiKeyHeader(event);
  if (apiKey === CONFLICTING) return 'conflicting-keys';
  return {
    apiKey,
    method: event.httpMethod,
    path: event.path,
    queryParameterNames: queryParameterNames(event),
  };
}

const CONFLICTING = Symbol('conflicting X-Api-Key values');

/**
 * `X-Api-Key`, matched case-insensitively (API Gateway keeps the client's header casing) in
 * both header maps; repeats of one value are that value.
 */
function apiKeyHeader(event: AuthorizerEvent): string | undefined | typeof CONFLICTING {
  let found: string | undefined;
  const see = (value: string | null | undefined): boolean => {
    if (!value) return true;
    if (found !== undefined && found !== value) return false;
    found = value;
    return true;
  };
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (name.toLowerCase() === 'x-api-key' && !see(value)) return CONFLICTING;
  }
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    if (name.toLowerCase() === 'x-api-key' && !(values ?? []).every(see)) return CONFLICTING;
  }
  return found;
}

function queryParameterNames(event: AuthorizerEvent): string[] {
  const single = Object.keys(event.queryStringParameters ?? {});
  const multi = event.multiValueQueryStringParameters;
  if (!multi) return single;
  return [...new Set([...single, ...Object.keys(multi)])];
}
