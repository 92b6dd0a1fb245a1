import { z } from 'zod';
import type { GatewayResponse } from './gateway-response.js';

const headerValue = z.union([z.string(), z.number(), z.boolean()]);
const proxyResultSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), headerValue).nullish(),
  multiValueHeaders: z.record(z.string(), z.array(headerValue)).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().nullish(),
});

/** Lambda's synchronous response payload limit; API Gateway answers 502 above it. */
export const maxLambdaResponseBytes = 6 * 1024 * 1024;

// Connection-level headers are the server's business, not the Lambda's.
const hopByHop = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export type ProxyResultParse =
  | { readonly ok: true; readonly response: GatewayResponse }
  | { readonly ok: false; readonly reason: string };

export interface ProxyResultOptions {
  /**
   * Whether the request's (first) `Accept` is one of the API's binary media types: only then
   * does API Gateway decode an `isBase64Encoded` body; otherwise the client gets the base64 text.
   */
  readonly binaryAccepted: boolean;
}

/**
 * A Lambda proxy result as API Gateway turns it into an HTTP response: `headers` and
 * `multiValueHeaders` merged (a pair present in both appears once), base64 bodies decoded when
 * the client accepts a binary media type, `Content-Type` defaulting to `application/json`.
 * Anything else is a malformed response.
 */
export function parseProxyResult(
  value: unknown,
  { binaryAccepted }: ProxyResultOptions,
): ProxyResultParse {
  const parsed = proxyResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `malformed Lambda proxy response at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const result = parsed.data;
  const headers: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    if (hopByHop.has(name.toLowerCase())) return;
    const values = (headers[name] ??= []);
    if (!values.includes(value)) values.push(value);
  };
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    for (const value of values) add(name, String(value));
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) add(name, String(value));
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = ['application/json'];
  }
  const decode = result.isBase64Encoded === true && binaryAccepted;
  const body = Buffer.from(result.body ?? '', decode ? 'base64' : 'utf8');
  if (body.length > maxLambdaResponseBytes) {
    return { ok: false, reason: `Lambda response body exceeds ${maxLambdaResponseBytes} bytes` };
  }
  return { ok: true, response: { statusCode: result.statusCode, headers, body } };
}
