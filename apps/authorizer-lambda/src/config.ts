import {
  DEFAULT_USAGE_PLAN,
  isPlanName,
  isShardCount,
  type UsageIdentifiers,
} from '@tollgate/authz';
import { ConfigError, configFromEnv as parseEnv, type Env } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';

/** The authorizer's configuration, read once at cold start. */
export interface AuthorizerConfig {
  readonly keyMapSource:
    | { readonly kind: 'secrets-manager'; readonly secretId: string }
    | {
        readonly kind: 'sharded-secrets-manager';
        readonly secretIdPrefix: string;
        readonly shards: number;
      }
    | { readonly kind: 'file'; readonly path: string };
  readonly cacheTtlMs: number;
  readonly graceMs: number;
  readonly policyResource: 'method-arn' | 'granted-arns';
  /** What the Allow's `usageIdentifierKey` is: one per key, or one per usage plan. */
  readonly usageIdentifiers: UsageIdentifiers;
}

const seconds = (fallback: number) =>
  z.pipe(
    z.optional(z.string().check(z.regex(/^\d+$/, { error: 'must be a whole number of seconds' }))),
    z.transform((value) => (value === undefined ? fallback : Number(value)) * 1000),
  );

const usagePlanList = z.pipe(
  z.string().check(
    z.refine((value) => value.split(',').every(isPlanName), {
      error: 'must be a comma-separated list of plan names',
    }),
  ),
  z.transform((value) => [...new Set(value.split(','))]),
);

const envSchema = z.object({
  API_KEYS_SECRET_ID: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))),
  API_KEYS_FILE: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))),
  API_KEYS_SHARDS: z.optional(
    z
      .pipe(
        z.string().check(z.regex(/^\d+$/, { error: 'must be a whole number from 1 to 256' })),
        z.transform(Number),
      )
      .check(z.refine(isShardCount, { error: 'must be a whole number from 1 to 256' })),
  ),
  API_KEYS_CACHE_TTL_SECONDS: seconds(10),
  API_KEYS_GRACE_SECONDS: seconds(300),
  AUTHORIZER_POLICY_RESOURCE: z.optional(
    z.enum(['method-arn', 'granted-arns'], { error: 'must be "method-arn" or "granted-arns"' }),
  ),
  USAGE_IDENTIFIERS: z.optional(
    z.enum(['per-key', 'per-plan'], { error: 'must be "per-key" or "per-plan"' }),
  ),
  USAGE_PLANS: z.optional(usagePlanList),
  USAGE_IDENTIFIER_NAMESPACE: z.optional(
    z.string().check(z.regex(/^\S{1,64}$/, { error: 'must be 1 to 64 characters, no spaces' })),
  ),
});

/**
 * Reads the environment: exactly one of `API_KEYS_SECRET_ID` (in AWS) or `API_KEYS_FILE`
 * (locally, in tests); `API_KEYS_SHARDS` (1–256) when the secret is a sharded map, whose shards
 * are the secrets `<API_KEYS_SECRET_ID>/shard-000` …; optional `API_KEYS_CACHE_TTL_SECONDS` (default 10),
 * `API_KEYS_GRACE_SECONDS` (default 300) and `AUTHORIZER_POLICY_RESOURCE` (default `method-arn`;
 * `granted-arns` only with API Gateway's authorizer result cache on); `USAGE_IDENTIFIERS`
 * (`per-key`, the default, or `per-plan`), `USAGE_PLANS` (the deployment's usage plan names,
 * comma-separated; needed per plan, with `default`) and `USAGE_IDENTIFIER_NAMESPACE` (the
 * deployment, `<project>-<env>`; needed per plan). Throws `ConfigError`.
 */
export function configFromEnv(env: Env): AuthorizerConfig {
  const variables = parseEnv(envSchema, env);
  const { API_KEYS_SECRET_ID: secretId, API_KEYS_FILE: path, API_KEYS_SHARDS: shards } = variables;
  if ((secretId === undefined) === (path === undefined)) {
    throw new ConfigError('set exactly one of API_KEYS_SECRET_ID (AWS) or API_KEYS_FILE (local)');
  }
  if (shards !== undefined && secretId === undefined) {
    throw new ConfigError('API_KEYS_SHARDS needs API_KEYS_SECRET_ID (a file holds a whole map)');
  }
  if (shards !== undefined && secretId?.startsWith('arn:')) {
    throw new ConfigError(
      'with API_KEYS_SHARDS, API_KEYS_SECRET_ID must be a secret name prefix, not an ARN',
    );
  }
  const keyMapSource: AuthorizerConfig['keyMapSource'] =
    secretId === undefined
      ? { kind: 'file', path: path ?? '' }
      : shards === undefined
        ? { kind: 'secrets-manager', secretId }
        : { kind: 'sharded-secrets-manager', secretIdPrefix: secretId, shards };
  return {
    keyMapSource,
    cacheTtlMs: variables.API_KEYS_CACHE_TTL_SECONDS,
    graceMs: variables.API_KEYS_GRACE_SECONDS,
    policyResource: variables.AUTHORIZER_POLICY_RESOURCE ?? 'method-arn',
    usageIdentifiers: usageIdentifiersOf(variables),
  };
}

function usageIdentifiersOf(variables: z.output<typeof envSchema>): UsageIdentifiers {
  const { USAGE_PLANS: usagePlans, USAGE_IDENTIFIER_NAMESPACE: namespace } = variables;
  if (variables.USAGE_IDENTIFIERS !== 'per-plan') {
    return usagePlans === undefined ? { mode: 'per-key' } : { mode: 'per-key', usagePlans };
  }
  if (usagePlans === undefined || namespace === undefined) {
    throw new ConfigError(
      'USAGE_IDENTIFIERS=per-plan needs USAGE_PLANS and USAGE_IDENTIFIER_NAMESPACE',
    );
  }
  // Keys in none of the listed plans are counted under `default`: it must be a usage plan too.
  if (!usagePlans.includes(DEFAULT_USAGE_PLAN)) {
    throw new ConfigError(`USAGE_PLANS must include "${DEFAULT_USAGE_PLAN}"`);
  }
  return { mode: 'per-plan', namespace, usagePlans };
}
