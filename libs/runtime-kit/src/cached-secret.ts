/** How long one Secrets Manager call may take: a stalled endpoint must not hold the request. */
export interface SecretsManagerTimeouts {
  readonly connectionTimeout: number;
  readonly requestTimeout: number;
}

export interface CachedSecretOptions<T> {
  readonly secretId: string;
  /** Turns the `SecretString` into the value; throws (never quoting it) when it is unusable. */
  readonly parse: (secretString: string | undefined) => T;
  /** How long a fetched value is used before it is fetched again (rotation). Default 5 min. */
  readonly maxAgeMs?: number;
  /** Default 1 s to connect, 2 s for the answer. */
  readonly timeouts?: SecretsManagerTimeouts;
  /** Injected so tests can move time. */
  readonly now?: () => number;
}

/** One secret's value, cached. */
export interface CachedSecret<T> {
  /** The value: cached while younger than `maxAgeMs`, else fetched (one call shared by all). */
  get(): Promise<T>;
  /** The value was refused (a rotated token): forget it, so the next `get` fetches afresh. */
  invalidate(value: T): void;
}

/**
 * A Secrets Manager secret read on first use and kept `maxAgeMs`. Concurrent reads share one
 * call. A failed fetch with a value in hand keeps that value (still the best guess) until the
 * next `maxAgeMs`; without one it rejects. The AWS SDK is imported on the first fetch only, so
 * a process that never reads a secret never loads it.
 */
export function cachedSecret<T>({
  secretId,
  parse,
  maxAgeMs = 5 * 60_000,
  timeouts = { connectionTimeout: 1_000, requestTimeout: 2_000 },
  now = Date.now,
}: CachedSecretOptions<T>): CachedSecret<T> {
  let cached: { value: T; fetchedAt: number } | undefined;
  let pending: Promise<T> | undefined;
  const refresh = async (): Promise<T> => {
    try {
      const value = parse(await fetchSecretString(secretId, timeouts));
      cached = { value, fetchedAt: now() };
      return value;
    } catch (error) {
      if (cached === undefined) throw error;
      cached = { value: cached.value, fetchedAt: now() };
      return cached.value;
    } finally {
      pending = undefined;
    }
  };
  return {
    get() {
      if (cached !== undefined && now() - cached.fetchedAt < maxAgeMs) {
        return Promise.resolve(cached.value);
      }
      return (pending ??= refresh());
    },
    invalidate(value) {
      if (cached?.value === value) cached = undefined;
    },
  };
}

async function fetchSecretString(
  secretId: string,
  timeouts: SecretsManagerTimeouts,
): Promise<string | undefined> {
  const { SecretsManagerClient, GetSecretValueCommand } =
    await import('@aws-sdk/client-secrets-manager');
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes. One
  // attempt: the SDK's retries (3, with backoff) would outlast the request; the next `get` retries.
  const client = new SecretsManagerClient({
    maxAttempts: 1,
    requestHandler: { ...timeouts, throwOnRequestTimeout: true },
  });
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    return SecretString;
  } finally {
    client.destroy();
  }
}
