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

/** What {@link singleHeader} returns for a header sent more than once with different values. */
export const CONFLICTING_VALUES: unique symbol = Symbol('conflicting header values');

/**
 * The one value of a header the router decides on. The rule for repeated headers: the same value
 * sent twice (in any name casing) counts once; different values are a conflict, never "the last
 * one wins" — a layer that reads the first would otherwise decide on another value than this one.
 */
export function singleHeader(
  event: ApiGatewayProxyEvent,
  lowerCaseName: string,
): string | undefined | typeof CONFLICTING_VALUES {
  let value: string | undefined;
  const headers = event.headers;
  if (headers) {
    for (const name in headers) {
      if (name.length === lowerCaseName.length && name.toLowerCase() === lowerCaseName) {
        const candidate = headers[name];
        if (candidate === undefined || candidate === null) continue;
        if (value === undefined) value = candidate;
        else if (candidate !== value) return CONFLICTING_VALUES;
      }
    }
  }
  const multiValueHeaders = event.multiValueHeaders;
  if (multiValueHeaders) {
    for (const name in multiValueHeaders) {
      if (name.length === lowerCaseName.length && name.toLowerCase() === lowerCaseName) {
        for (const candidate of multiValueHeaders[name] ?? []) {
          if (candidate === undefined || candidate === null) continue;
          if (value === undefined) value = candidate;
          else if (candidate !== value) return CONFLICTING_VALUES;
        }
      }
    }
  }
  return value;
}
