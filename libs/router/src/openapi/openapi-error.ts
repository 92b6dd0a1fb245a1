import type { RouteDefinition } from '../route.js';

export type OpenApiErrorCode =
  | 'undocumented-route'
  | 'regexp-route'
  | 'unconvertible-schema'
  | 'duplicate-operation-id';

/** Thrown when a route table cannot be documented as it is. */
export class OpenApiError extends Error {
  readonly code: OpenApiErrorCode;

  constructor(code: OpenApiErrorCode, message: string) {
    super(message);
    this.name = 'OpenApiError';
    this.code = code;
  }
}

/** `GET /notes/{id} 2025-03-01`, as errors name a route. */
export function routeLabel(route: RouteDefinition): string {
  return `${route.method} ${String(route.path)} ${route.version}`;
}
