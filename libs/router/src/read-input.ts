import type { ApiGatewayProxyEvent } from './api-gateway-types.js';
import { CONFLICTING_VALUES, singleHeader } from './request-headers.js';
import type { QueryParams } from './route.js';

export interface InputIssue {
  readonly location: 'params' | 'query' | 'body';
  /** Dot-separated path of the failing field; '' for the value itself. */
  readonly path: string;
  readonly message: string;
}

/** The single-value query map, in a null-prototype object so `constructor` & co. are never inherited. */
export function readQuery(event: ApiGatewayProxyEvent): QueryParams {
  const query: QueryParams = Object.create(null) as QueryParams;
  const source = event.queryStringParameters;
  if (source) {
    for (const name in source) {
      const value = source[name];
      if (value !== undefined && value !== null) query[name] = value;
    }
  }
  return query;
}

export type BodyRead = { readonly value: unknown; readonly issue?: undefined } | { readonly value?: undefined; readonly issue: InputIssue };

export const NO_BODY: BodyRead = { value: undefined };

/**
 * JSON bodies are parsed (a missing content-type counts as JSON); any other content-type is
 * handed over as the decoded text.
 */
export function readBody(event: ApiGatewayProxyEvent): BodyRead {
  const raw = event.body;
  if (raw === undefined || raw === null || raw === '') return NO_BODY;
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const contentType = singleHeader(event, 'content-type');
  if (contentType === CONFLICTING_VALUES) {
    return { issue: { location: 'body', path: '', message: 'Content-Type was sent more than once with different values' } };
  }
  if (contentType !== undefined && !/[/+]json\b/i.test(contentType)) return { value: text };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { issue: { location: 'body', path: '', message: 'body is not valid JSON' } };
  }
}
