import { ConfigError } from '@tollgate/runtime-kit';
import { configFromEnv } from './config.js';

describe('configFromEnv', () => {
  it('uses the secret in AWS, with a 10 s cache (revocation within 10 s), 300 s grace and method-ARN policies by default', () => {
    expect(configFromEnv({ API_KEYS_SECRET_ID: 'tollgate/api-keys' })).toEqual({
      keyMapSource: { kind: 'secrets-manager', secretId: 'tollgate/api-keys' },
      cacheTtlMs: 10_000,
      graceMs: 300_000,
      policyResource: 'method-arn',
      usageIdentifiers: { mode: 'per-key' },
    });
  });

  it('uses a file locally, and reads the optional settings', () => {
    expect(
      configFromEnv({
        API_KEYS_FILE: './keys.json',
        API_KEYS_CACHE_TTL_SECONDS: '0',
        API_KEYS_GRACE_SECONDS: '30',
        AUTHORIZER_POLICY_RESOURCE: 'granted-arns',
      }),
    ).toEqual({
      keyMapSource: { kind: 'file', path: './keys.json' },
      cacheTtlMs: 0,
      graceMs: 30_000,
      policyResource: 'granted-arns',
      usageIdentifiers: { mode: 'per-key' },
    });
  });

  it('reads the usage identifiers: per plan with the plans and the deployment’s namespace', () => {
    const usage = {
      USAGE_PLANS: 'default,partner',
      USAGE_IDENTIFIER_NAMESPACE: 'tollgate-prod',
    };
    expect(
      configFromEnv({ API_KEYS_FILE: 'f', USAGE_IDENTIFIERS: 'per-plan', ...usage })
        .usageIdentifiers,
    ).toEqual({ mode: 'per-plan', namespace: 'tollgate-prod', usagePlans: ['default', 'partner'] });
    // Per key (what infra passes by default), the plans name each key's usage plan.
    expect(
      configFromEnv({ API_KEYS_FILE: 'f', USAGE_IDENTIFIERS: 'per-key', ...usage })
        .usageIdentifiers,
    ).toEqual({ mode: 'per-key', usagePlans: ['default', 'partner'] });
  });

  it('reads a sharded map from the secrets <API_KEYS_SECRET_ID>/shard-…', () => {
    expect(
      configFromEnv({ API_KEYS_SECRET_ID: 'tollgate/keys', API_KEYS_SHARDS: '38' }).keyMapSource,
    ).toEqual({
      kind: 'sharded-secrets-manager',
      secretIdPrefix: 'tollgate/keys',
      shards: 38,
    });
  });

  it.each([
    [{}, 'set exactly one of API_KEYS_SECRET_ID (AWS) or API_KEYS_FILE (local)'],
    [
      { API_KEYS_SECRET_ID: 's', API_KEYS_FILE: 'f' },
      'set exactly one of API_KEYS_SECRET_ID (AWS) or API_KEYS_FILE (local)',
    ],
    [{ API_KEYS_FILE: '' }, 'API_KEYS_FILE must not be empty'],
    [
      { API_KEYS_FILE: 'f', API_KEYS_CACHE_TTL_SECONDS: '1.5' },
      'API_KEYS_CACHE_TTL_SECONDS must be a whole number of seconds',
    ],
    [
      { API_KEYS_FILE: 'f', API_KEYS_GRACE_SECONDS: '-1' },
      'API_KEYS_GRACE_SECONDS must be a whole number of seconds',
    ],
    [
      { API_KEYS_SECRET_ID: 's', API_KEYS_SHARDS: '0' },
      'API_KEYS_SHARDS must be a whole number from 1 to 256',
    ],
    [
      { API_KEYS_SECRET_ID: 's', API_KEYS_SHARDS: '300' },
      'API_KEYS_SHARDS must be a whole number from 1 to 256',
    ],
    [
      { API_KEYS_SECRET_ID: 's', API_KEYS_SHARDS: 'many' },
      'API_KEYS_SHARDS must be a whole number from 1 to 256',
    ],
    [
      { API_KEYS_FILE: 'f', API_KEYS_SHARDS: '4' },
      'API_KEYS_SHARDS needs API_KEYS_SECRET_ID (a file holds a whole map)',
    ],
    [
      {
        API_KEYS_SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:1:secret:keys-AbCdEf',
        API_KEYS_SHARDS: '4',
      },
      'with API_KEYS_SHARDS, API_KEYS_SECRET_ID must be a secret name prefix, not an ARN',
    ],
    [
      { API_KEYS_FILE: 'f', AUTHORIZER_POLICY_RESOURCE: 'all' },
      'AUTHORIZER_POLICY_RESOURCE must be "method-arn" or "granted-arns"',
    ],
    [
      { API_KEYS_FILE: 'f', USAGE_IDENTIFIERS: 'per-tenant' },
      'USAGE_IDENTIFIERS must be "per-key" or "per-plan"',
    ],
    [
      { API_KEYS_FILE: 'f', USAGE_IDENTIFIERS: 'per-plan', USAGE_PLANS: 'default' },
      'USAGE_IDENTIFIERS=per-plan needs USAGE_PLANS and USAGE_IDENTIFIER_NAMESPACE',
    ],
    [
      {
        API_KEYS_FILE: 'f',
        USAGE_IDENTIFIERS: 'per-plan',
        USAGE_PLANS: 'gold',
        USAGE_IDENTIFIER_NAMESPACE: 'tollgate-prod',
      },
      'USAGE_PLANS must include "default"',
    ],
    [
      { API_KEYS_FILE: 'f', USAGE_PLANS: 'default,,gold' },
      'USAGE_PLANS must be a comma-separated list of plan names',
    ],
    [
      { API_KEYS_FILE: 'f', USAGE_IDENTIFIER_NAMESPACE: 'tollgate prod' },
      'USAGE_IDENTIFIER_NAMESPACE must be 1 to 64 characters, no spaces',
    ],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(new ConfigError(message));
  });
});
