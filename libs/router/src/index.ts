export { ApiRouter, type ApiRouterOptions } from './api-router.js';
export type {
  ApiGatewayProxyEvent,
  ApiGatewayProxyResult,
  ApiGatewayRequestContext,
  LambdaContext,
} from './api-gateway-types.js';
export {
  ProblemError,
  problemDetails,
  problemType,
  type ProblemDetails,
  type ProblemErrorOptions,
  type ProblemInit,
} from './problem-error.js';
export type { InputIssue } from './read-input.js';
export {
  route,
  type HttpMethod,
  type PathParams,
  type QueryParams,
  type ResponseDeclaration,
  type RouteDefinition,
  type RouteDeprecation,
  type RouteRequest,
  type RouteResponse,
  type RouteResponses,
  type RouteSchemas,
  type TypedRouteDefinition,
} from './route.js';
export { RouteDefinitionError, type RouteDefinitionErrorCode } from './route-definition-error.js';
export type { RouterLogger } from './router-logger.js';
export type { ResponseRecord } from './response-record.js';
export type {
  InferSchemaOutput,
  StandardSchemaV1,
  StandardSchemaV1Issue,
  StandardSchemaV1Props,
  StandardSchemaV1Result,
  StandardSchemaV1Types,
} from './standard-schema.js';
export { isValidVersion } from './version.js';
export {
  apiVersions,
  downgradeResponse,
  type ApiVersions,
  type VersionedRouteDefinition,
} from './api-versions.js';
export {
  responseChange,
  type ApiVersion,
  type RawRouteInput,
  type ResponseChange,
  type VersionChange,
} from './version-change.js';
