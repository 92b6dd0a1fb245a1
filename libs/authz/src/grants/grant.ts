/** HTTP methods a grant may name; API Gateway sends them upper-case. */
export const GRANT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type GrantMethod = (typeof GRANT_METHODS)[number];

/** One allowed request shape: method, path template (`/resources/{id}`) and query parameter names. */
export interface Grant {
  readonly method: GrantMethod;
  readonly path: string;
  readonly queryParameters: readonly string[];
}
