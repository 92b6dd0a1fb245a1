export type OpenApiErrorCode = 'undocumented-route' | 'regexp-route' | 'unconvertible-schema';

/** Thrown when a route table cannot be documented as it is. */
export class OpenApiError extends Error {
  readonly code: OpenApiErrorCode;

  constructor(code: OpenApiErrorCode, message: string) {
    super(message);
    this.name = 'OpenApiError';
    this.code = code;
  }
}
