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
  readonly timeouts?: { readonly connectionTimeout: number; readonly requestTimeout: number };
}

/**
 * The token source for a configuration. An environment token is used as is. A Secrets Manager
 * token is fetched on first use (one call shared by concurrent requests), kept for `maxAgeMs`,
 * and forgotten early when the upstream refuses it, so a rotated secret is picked up within
 * minutes, or at once. A failed fetch is not kept; if a token is in hand, it is still the best
 * guess until the next `maxAgeMs`. The AWS SDK is imported only on that path.
 */
export function analyticsToken(config: AnalyticsTokenConfig, options: AnalyticsTokenOptions = {}): AnalyticsTokenSource {
  if (config.source === 'env') {
    const token = Promise.resolve(config.token);
    return { get: () => token, invalidate: () => undefined };
  }
  const { maxAgeMs = 5 * 60_000, now = Date.now, timeouts = { connectionTimeout: 1_000, requestTimeout: 2_000 } } = options;
  let cached: { token: string; fetchedAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const refresh = async (): Promise<string> => {
    try {
      const token = await fetchSecretToken(config.secretId, timeouts);
      cached = { token, fetchedAt: now() };
      return token;
    } catch (error) {
      if (cached === undefined) throw error;
      cached = { token: cached.token, fetchedAt: now() };
      return cached.token;
    } finally {
      pending = undefined;
    }
  };
  return {
    get() {
      if (cached !== undefined && now() - cached.fetchedAt < maxAgeMs) return Promise.resolve(cached.token);
      return (pending ??= refresh());
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

async function fetchSecretToken(secretId: string, timeouts: NonNullable<AnalyticsTokenOptions['timeouts']>): Promise<string> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes. One
  // attempt: the SDK's retries (3 by default, with backoff) would eat the report's deadline; a
  // failed read is tried again on the next request.
  const client = new SecretsManagerClient({
    maxAttempts: 1,
    requestHandler: { ...timeouts, throwOnRequestTimeout: true },
  });
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    return tokenFromSecretString(secretId, SecretString);
  } finally {
    client.destroy();
  }
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
  if (text === '') throw new Error(`secret ${secretId} has no token (empty or binary SecretString)`);
  return text;
}
