import * as z from 'zod/mini';

/** The authorizer's configuration, read once at cold start. */
export interface AuthorizerConfig {
  readonly keyMapSource: { readonly kind: 'secrets-manager'; readonly secretId: string } | { readonly kind: 'file'; readonly path: string };
  readonly cacheTtlMs: number;
  readonly graceMs: number;
  readonly policyResource: 'method-arn' | 'granted-arns';
}

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const seconds = (fallback: number) =>
  z.pipe(
    z.optional(z.string().check(z.regex(/^\d+$/, { error: 'must be a whole number of seconds' }))),
    z.transform((value) => (value === undefined ? fallback : Number(value)) * 1000),
  );

const envSchema = z.object({
  API_KEYS_SECRET_ID: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))),
  API_KEYS_FILE: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))),
  API_KEYS_CACHE_TTL_SECONDS: seconds(60),
  API_KEYS_GRACE_SECONDS: seconds(300),
  AUTHORIZER_POLICY_RESOURCE: z.optional(
    z.enum(['method-arn', 'granted-arns'], { error: 'must be "method-arn" or "granted-arns"' }),
  ),
});

/**
 * Reads the environment: exactly one of `API_KEYS_SECRET_ID` (in AWS) or `API_KEYS_FILE`
 * (locally, in tests), optional `API_KEYS_CACHE_TTL_SECONDS` (default 60),
 * `API_KEYS_GRACE_SECONDS` (default 300) and `AUTHORIZER_POLICY_RESOURCE` (default `method-arn`;
 * `granted-arns` only with API Gateway's authorizer result cache on). Throws `ConfigError`.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): AuthorizerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ConfigError(`invalid configuration: ${String(issue?.path[0])} ${issue?.message ?? 'is invalid'}`);
  }
  const { API_KEYS_SECRET_ID: secretId, API_KEYS_FILE: path } = result.data;
  const keyMapSource: AuthorizerConfig['keyMapSource'] | undefined =
    secretId !== undefined && path === undefined
      ? { kind: 'secrets-manager', secretId }
      : path !== undefined && secretId === undefined
        ? { kind: 'file', path }
        : undefined;
  if (keyMapSource === undefined) {
    throw new ConfigError('invalid configuration: set exactly one of API_KEYS_SECRET_ID (AWS) or API_KEYS_FILE (local)');
  }
  return {
    keyMapSource,
    cacheTtlMs: result.data.API_KEYS_CACHE_TTL_SECONDS,
    graceMs: result.data.API_KEYS_GRACE_SECONDS,
    policyResource: result.data.AUTHORIZER_POLICY_RESOURCE ?? 'method-arn',
  };
}
