import type { QueryParams, ResponseDeclaration, RouteDeprecation } from './route.js';
import type { InferSchemaOutput, StandardSchemaV1 } from './standard-schema.js';

/** A request as it arrives, before the route's (newest-version) schemas validate it. */
export interface RawRouteInput {
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryParams;
  readonly body: unknown;
}

/** How one status's body looks in the version before a change, and how to get there. */
export interface ResponseChange {
  /** The newer version's body schema this change starts from (checked against the route's). */
  readonly from?: StandardSchemaV1;
  /** The older version's declaration of this status: documented and validated like any other. */
  readonly to: ResponseDeclaration;
  /** Newer body → older body. */
  transform(body: unknown): unknown;
}

/**
 * One step of a route's history, Stripe-style: what `version` changed, and how to serve a client
 * of the version just before it from a handler written for the newer shape.
 */
export interface VersionChange {
  /** The version (`YYYY-MM-DD`) that introduced the change. */
  readonly version: string;
  /** One line for the changelog and the OpenAPI document of `version`. */
  readonly description: string;
  /** By status: the older body and how to derive it. A status not listed keeps its shape. */
  readonly responses?: Readonly<Record<number, ResponseChange>>;
  /** Older request → newer request, before the route's schemas validate it. */
  upgradeRequest?(input: RawRouteInput): RawRouteInput;
}

/**
 * A typed `ResponseChange`: `transform` receives the newer schema's output and must return the
 * older schema's input.
 */
export function responseChange<TNewer extends StandardSchemaV1, TOlder extends StandardSchemaV1>(
  from: TNewer,
  to: { readonly description: string; readonly body: TOlder },
  transform: (
    body: InferSchemaOutput<TNewer>,
  ) => NonNullable<TOlder['~standard']['types']>['input'],
): ResponseChange {
  return { from, to, transform: transform as (body: unknown) => unknown };
}

/** One version of the API, as a domain declares it. */
export interface ApiVersion {
  readonly version: string;
  /** Every route serving this version answers with `Deprecation`/`Sunset`. */
  readonly deprecated?: RouteDeprecation;
}
