import { createHash } from 'node:crypto';
import type { GatewayResult } from './gateway.js';

/** The first 8 hex chars of sha256(key): enough to tell keys apart, useless to an attacker. */
export function keyFingerprint(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 8);
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly result: GatewayResult;
  readonly durationMs: number;
}

/**
 * `GET /resources 200 12ms principal=42-7 key=1a2b3c4d req=<uuid>`: the path without its query
 * (query values may be personal data), never the key itself.
 */
export function formatRequestLog({ method, path, result, durationMs }: RequestLogEntry): string {
  const parts = [
    method,
    path,
    String(result.response.statusCode),
    `${durationMs.toFixed(0)}ms`,
    `principal=${result.principalId ?? '-'}`,
    `key=${result.apiKey ? keyFingerprint(result.apiKey) : '-'}`,
    `req=${result.requestId}`,
  ];
  if (result.reason) parts.push(`reason=${JSON.stringify(result.reason)}`);
  return parts.join(' ');
}
