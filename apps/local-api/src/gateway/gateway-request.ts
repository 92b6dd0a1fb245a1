/** One HTTP request as the gateway sees it, independent of `node:http`. */
export interface GatewayRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded (REST APIs deliver `event.path` that way). */
  readonly path: string;
  /** The query string without `?`, still encoded; '' when absent. */
  readonly rawQuery: string;
  /** Header (name, value) pairs in arrival order, names as the client cased them. */
  readonly headerPairs: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly sourceIp: string;
  /** `HTTP/1.1` */
  readonly protocol: string;
  /** Host header value or the listening address: becomes `requestContext.domainName`. */
  readonly host: string;
}

/** Single- and multi-value maps as API Gateway builds them: the single map keeps the last value. */
export interface ValueMaps {
  readonly single: Record<string, string>;
  readonly multi: Record<string, string[]>;
}

export function toValueMaps(pairs: Iterable<readonly [string, string]>): ValueMaps {
  const single: Record<string, string> = Object.create(null) as Record<string, string>;
  const multi: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of pairs) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { single: { ...single }, multi: { ...multi } };
}

/** `a=1&a=2&b` → pairs, form-decoded the way URLSearchParams decodes. */
export function queryPairs(rawQuery: string): [string, string][] {
  return [...new URLSearchParams(rawQuery)];
}

/** Case-insensitive header lookup, last value wins (as in `event.headers`). */
export function headerValue(request: GatewayRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  let found: string | undefined;
  for (const [key, value] of request.headerPairs) if (key.toLowerCase() === wanted) found = value;
  return found;
}
