import { ConfigError, configFromEnv, type Env } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';

/** Where the bearer token for the external data API comes from. */
export type AnalyticsTokenConfig =
  | { readonly source: 'env'; readonly token: string }
  | { readonly source: 'secrets-manager'; readonly secretId: string };

export interface AnalyticsConfig {
  readonly apiUrl: string;
  readonly token: AnalyticsTokenConfig;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
}

/** The longest per-attempt timeout: with the default deadline, a slow upstream still gets a retry. */
export const MAX_ATTEMPT_TIMEOUT_MS = 4_000;

/**
 * The longest deadline for one report request: it leaves 3 s of the analytics Lambda's 15 s
 * timeout (platform config) for cold start and answering, so the caller gets our 504 rather
 * than API Gateway's.
 */
export const MAX_DEADLINE_MS = 12_000;

const milliseconds = (max: number, why: string) =>
  z.optional(
    z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .check(
        z.int({ error: 'must be a whole number of milliseconds' }),
        z.gte(1, { error: 'must be at least 1' }),
        z.lte(max, { error: `must be at most ${max}: ${why}` }),
      ),
  );

const nonEmpty = (what: string) =>
  z.optional(z.string().check(z.minLength(1, { error: `${what} must not be empty` })));

const envSchema = z.object({
  ANALYTICS_API_URL: z.url({
    protocol: /^https?$/,
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be an http(s) URL'),
  }),
  ANALYTICS_API_TOKEN: nonEmpty('the token'),
  ANALYTICS_API_SECRET_ID: nonEmpty('the secret id'),
  ANALYTICS_API_TIMEOUT_MS: milliseconds(
    MAX_ATTEMPT_TIMEOUT_MS,
    'a slow upstream must still get a retry within the deadline',
  ),
  ANALYTICS_API_DEADLINE_MS: milliseconds(
    MAX_DEADLINE_MS,
    "it must end well within the analytics Lambda's 15 s timeout",
  ),
});

/**
 * Reads the analytics configuration from the environment (run once, at cold start; throws `ConfigError`):
 * `ANALYTICS_API_URL`, exactly one of `ANALYTICS_API_TOKEN` (local) and `ANALYTICS_API_SECRET_ID`
 * (AWS), optional `ANALYTICS_API_TIMEOUT_MS` (per attempt, 1–4000, default 3000) and
 * `ANALYTICS_API_DEADLINE_MS` (per report request, 1–12000, default 10000).
 */
export function analyticsConfigFromEnv(env: Env): AnalyticsConfig {
  const {
    ANALYTICS_API_URL,
    ANALYTICS_API_TOKEN,
    ANALYTICS_API_SECRET_ID,
    ANALYTICS_API_TIMEOUT_MS,
    ANALYTICS_API_DEADLINE_MS,
  } = configFromEnv(envSchema, env);
  if ((ANALYTICS_API_TOKEN === undefined) === (ANALYTICS_API_SECRET_ID === undefined)) {
    throw new ConfigError(
      'set exactly one of ANALYTICS_API_TOKEN (local) and ANALYTICS_API_SECRET_ID (AWS)',
    );
  }
  return {
    apiUrl: ANALYTICS_API_URL,
    token:
      ANALYTICS_API_TOKEN !== undefined
        ? { source: 'env', token: ANALYTICS_API_TOKEN }
        : { source: 'secrets-manager', secretId: ANALYTICS_API_SECRET_ID ?? '' },
    timeoutMs: ANALYTICS_API_TIMEOUT_MS ?? 3000,
    deadlineMs: ANALYTICS_API_DEADLINE_MS ?? 10_000,
  };
}
