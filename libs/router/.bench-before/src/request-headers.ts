import type { ApiGatewayProxyEvent } from './api-gateway-types.js';

/**
 * Case-insensitive header lookup. API Gateway keeps the client's casing; `headers` holds the last
 * value of a repeated header, and `multiValueHeaders` is consulted when `headers` lacks the name.
 */
export function findHeader(event: ApiGatewayProxyEvent, lowerCaseName: string): string | undefined {
  const headers = event.headers;
  if (headers) {
    for (const name in headers) {
      if (name.length === lowerCaseName.length && name.toLowerCase() === lowerCaseName) {
        const value = headers[name];
        if (value !== undefined && value !== null) return value;
      }
    }
  }
  const multiValueHeaders = event.multiValueHeaders;
  if (multiValueHeaders) {
    for (const name in multiValueHeaders) {
      if (name.length === lowerCaseName.length && name.toLowerCase() === lowerCaseName) {
        const values = multiValueHeaders[name];
        if (values && values.length > 0) return values[values.length - 1];
      }
    }
  }
  return undefined;
}
