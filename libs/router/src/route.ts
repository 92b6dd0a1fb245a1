import type { ApiGatewayProxyEvent, LambdaContext } from './api-gateway-types.js';
import type { InferSchemaOutput, StandardSchemaV1 } from './standard-schema.js';
import type { RawRouteInput } from './version-change.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Query string as a single-value map (API Gateway keeps the last value of a repeated name). */
export type QueryParams = Record<string, string>;

type ParamNames<TPath extends string> = TPath extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** `'/resources/{id}'` → `{ id: string }`; a RegExp route gets its named groups. */
export type PathParams<TPath extends string | RegExp> = TPath extends string
  ? { [Name in ParamNames<TPath>]: string }
  : Record<string, string>;

type OutputOr<TSchema, TDefault> = TSchema extends StandardSchemaV1 ? InferSchemaOutput<TSchema> : TDefault;

export interface RouteRequest<TParams = Record<string, string>, TQuery = QueryParams, TBody = unknown> {
  readonly event: ApiGatewayProxyEvent;
  readonly context: LambdaContext | undefined;
  /** The `X-Api-Version` this request asked for; always one of the route's versions. */
  readonly version: string;
  /** Decoded path parameters (or the params schema's output). */
  readonly params: TParams;
  /** Query parameters (or the query schema's output). */
  readonly query: TQuery;
  /** Parsed JSON body (or the body schema's output); `undefined` when there is none. */
  readonly body: TBody;
  /** API Gateway's request id (falls back to the Lambda request id). */
  readonly requestId: string;
  /** Case-insensitive request header lookup. */
  header(name: string): string | undefined;
}

export interface RouteResponse {
  readonly status: number;
  /** Sent as JSON unless the handler sets a content-type and gives a string. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteDeprecation {
  /** `YYYY-MM-DD` after which this version is gone; sent as the `Sunset` header. */
  readonly sunset: string;
  /**
   * `YYYY-MM-DD` since when the version is deprecated (the `Deprecation` header). Defaults to the
   * date of the next newer version of the same route, i.e. when it was superseded.
   */
  readonly since?: string;
}

/**
 * One documented answer of a route. A JSON body has a `body` schema, a problem (a `ProblemError`
 * the handler throws) says `problem: true`, and an empty body declares neither.
 */
export interface ResponseDeclaration {
  readonly description: string;
  /** The `application/json` body (documented from the schema's output type). */
  readonly body?: StandardSchemaV1;
  /** The body is an RFC 9457 problem, sent as `application/problem+json`. */
  readonly problem?: boolean;
}

/**
 * A route's own answers by status. The router's problems (400 version and validation errors,
 * 500) are documented for every route and need no entry here.
 */
export type RouteResponses = Readonly<Record<number, ResponseDeclaration>>;

export interface RouteSchemas {
  readonly params?: StandardSchemaV1;
  readonly query?: StandardSchemaV1;
  readonly body?: StandardSchemaV1;
}

/** One (method, path, version) entry of a router table. */
export interface RouteDefinition<TParams = Record<string, string>, TQuery = QueryParams, TBody = unknown> {
  readonly method: HttpMethod;
  /** A template such as `/resources/{id}` (each `{name}` is one whole segment) or a RegExp. */
  readonly path: string | RegExp;
  /** The `X-Api-Version` date (`YYYY-MM-DD`) this entry serves. */
  readonly version: string;
  readonly deprecated?: RouteDeprecation;
  /** One line for the API's documentation. */
  readonly summary?: string;
  readonly schemas?: RouteSchemas;
  /** What the handler answers; required to document the route and to validate its responses. */
  readonly responses?: RouteResponses;
  /** What this version changed from the one before (set by `apiVersions().route`). */
  readonly changes?: readonly string[];
  /** Older request → the shape `schemas` expect (set by `apiVersions().route` for older versions). */
  upgradeRequest?(input: RawRouteInput): RawRouteInput;
  // Method syntax on purpose: it keeps typed definitions assignable to the erased form.
  handler(request: RouteRequest<TParams, TQuery, TBody>): RouteResponse | Promise<RouteResponse>;
}

/** A route declaration whose handler is typed from its path template and schemas. */
export interface TypedRouteDefinition<
  TPath extends string | RegExp,
  TParamsSchema extends StandardSchemaV1 | undefined = undefined,
  TQuerySchema extends StandardSchemaV1 | undefined = undefined,
  TBodySchema extends StandardSchemaV1 | undefined = undefined,
> {
  readonly method: HttpMethod;
  readonly path: TPath;
  readonly version: string;
  readonly deprecated?: RouteDeprecation;
  readonly summary?: string;
  readonly schemas?: {
    readonly params?: TParamsSchema;
    readonly query?: TQuerySchema;
    readonly body?: TBodySchema;
  };
  readonly responses?: RouteResponses;
  readonly handler: (
    request: RouteRequest<
      OutputOr<TParamsSchema, PathParams<TPath>>,
      OutputOr<TQuerySchema, QueryParams>,
      OutputOr<TBodySchema, unknown>
    >,
  ) => RouteResponse | Promise<RouteResponse>;
}

/**
 * Declares a route with types inferred from its path template and schemas:
 * `route({ method: 'GET', path: '/resources/{id}', ... })` hands the handler `params.id: string`.
 */
export function route<
  const TPath extends string | RegExp,
  TParamsSchema extends StandardSchemaV1 | undefined = undefined,
  TQuerySchema extends StandardSchemaV1 | undefined = undefined,
  TBodySchema extends StandardSchemaV1 | undefined = undefined,
>(
  definition: TypedRouteDefinition<TPath, TParamsSchema, TQuerySchema, TBodySchema>,
): RouteDefinition {
  return definition as RouteDefinition;
}
