import { cachedSecret, type SecretsManagerTimeouts } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';
import type { AnalyticsTokenConfig } from './analytics-config.js';

const jsonSecret = z.object({ token: z.string().check(z.minLength(1)) });

/** Where the analytics client gets its bearer token. */
export interface AnalyticsTokenSource {
  /** The token to send now; a source caches it as it sees fit. */
  get(): Promise<string>;
  /** The upstream refused `token` (401/403): forget it, so that the next `get` fetches afresh. */
  invalidate(token: string): void;
}

export interface AnalyticsTokenOptions {
  /** How long a fetched Secrets Manager token is used before it is fetched again. Default 5 min. */
  readonly maxAgeMs?: number;
  /** Injected so tests can move time. */
  readonly now?: () => number;
  /** Limits on one Secrets Manager call: a stalled endpoint must not hold the request. */
  readonly timeouts?: SecretsManagerTimeouts;
}

/**
 * The token source for a configuration. An environment token is used as is. A Secrets Manager
 * token is the runtime kit's cached secret: fetched on first use, kept for `maxAgeMs`, the last
 * good one kept when a refresh fails, and forgotten early when the upstream refuses it, so a
 * rotated secret is picked up within minutes, or at once.
 */
export function analyticsToken(
  config: AnalyticsTokenConfig,
  options: AnalyticsTokenOptions = {},
): AnalyticsTokenSource {
  if (config.source === 'env') {
    const token = Promise.resolve(config.token);
    return { get: () => token, invalidate: () => undefined };
  }
  const { secretId } = config;
  return cachedSecret({
    secretId,
    parse: (secret) => tokenFromSecretString(secretId, secret),
    ...options,
  });
}

/** The secret holds the token itself, or JSON `{ "token": "..." }`. Errors never quote the secret. */
function tokenFromSecretString(secretId: string, secret: string | undefined): string {
  const text = secret?.trim() ?? '';
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = jsonSecret.safeParse(parsed);
    if (result.success) return result.data.token;
    throw new Error(`secret ${secretId} is JSON without a non-empty "token" string`);
  }
  if (text === '')
    throw new Error(`secret ${secretId} has no token (empty or binary SecretString)`);
  return text;
}
