export type RouteDefinitionErrorCode =
  | 'duplicate-route'
  | 'invalid-path'
  | 'invalid-method'
  | 'invalid-handler'
  | 'invalid-version'
  | 'invalid-deprecation'
  | 'invalid-version-change'
  | 'missing-responses';

/** Thrown by `new ApiRouter(...)` when the route table itself is wrong. */
export class RouteDefinitionError extends Error {
  readonly code: RouteDefinitionErrorCode;

  constructor(code: RouteDefinitionErrorCode, message: string) {
    super(message);
    this.name = 'RouteDefinitionError';
    this.code = code;
  }
}
