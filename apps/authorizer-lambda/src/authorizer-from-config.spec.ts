import {
  GetSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { hashedKeyName, usageIdentifierOf, usageIdentifierOfPlan } from '@tollgate/authz';
import { servedPaths } from '@tollgate/domain-registry';
import type { Authorizer, AuthzLogger } from '@tollgate/authz/authorizer';
import { shardKeyMap, shardName, shardOfHashedName } from '@tollgate/authz/offline';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizerFromConfig } from './authorizer-from-config.js';
import type { AuthorizerConfig } from './config.js';

const KEY = 'sk_live_lambda_test_key_000000000001';
const keyMap = JSON.stringify({
  [hashedKeyName(KEY)]: {
    companyId: 42,
    userId: 7,
    authorizedRequests: [{ method: 'GET', path: '/resources/{id}' }],
  },
});

function event(path: string, key: string | undefined = KEY): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:eu-west-1:123456789012:api/prod/GET${path}`,
    resource: '/resources/{proxy+}',
    path,
    httpMethod: 'GET',
    headers: key === undefined ? {} : { 'X-Api-Key': key },
    multiValueHeaders: {},
    pathParameters: null,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: { requestId: 'r-1' } as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

const silent: AuthzLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const base = {
  cacheTtlMs: 60_000,
  graceMs: 300_000,
  policyResource: 'method-arn',
  usageIdentifiers: { mode: 'per-key' },
} as const;

/** The Lambda handler, as main.ts exports it. */
const handlerOf = (authorizer: Authorizer) => authorizer.authorize.bind(authorizer);

describe('authorizerFromConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authorizer-lambda-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('authorizes from a key-map file', async () => {
    const path = join(dir, 'keys.json');
    await writeFile(path, keyMap);
    const authorize = handlerOf(
      authorizerFromConfig({ ...base, keyMapSource: { kind: 'file', path } }, { logger: silent }),
    );
    await expect(authorize(event('/resources/1'))).resolves.toMatchObject({
      principalId: '42-7',
      context: { companyId: 42, userId: 7 },
    });
    await expect(authorize(event('/resources/1', 'nope'))).rejects.toThrow(
      new Error('Unauthorized'),
    );
  });

  it('judges a request on the route the router serves: a {id} grant does not cover a served static sibling', async () => {
    const path = join(dir, 'keys-served.json');
    await writeFile(path, keyMap);
    const config = { ...base, keyMapSource: { kind: 'file', path } } as const;
    const effect = async (authorize: ReturnType<typeof handlerOf>, requestPath: string) =>
      (await authorize(event(requestPath))).policyDocument.Statement[0]?.Effect;
    const served = [...servedPaths, '/resources/search'];
    const knowing = handlerOf(
      authorizerFromConfig(config, { logger: silent, servedPaths: served }),
    );
    expect(await effect(knowing, '/resources/1')).toBe('Allow');
    expect(await effect(knowing, '/resources/search')).toBe('Deny');
    expect(await effect(knowing, '/resources/%73earch')).toBe('Deny');
    // Without the served paths, the static route no key is granted is invisible.
    const blind = handlerOf(authorizerFromConfig(config, { logger: silent }));
    expect(await effect(blind, '/resources/search')).toBe('Allow');
  });

  it('refuses an invalid served path template at cold start, naming it', () => {
    expect(() =>
      authorizerFromConfig(
        { ...base, keyMapSource: { kind: 'file', path: join(dir, 'keys.json') } },
        { logger: silent, servedPaths: ['/resources/{id}.json'] },
      ),
    ).toThrow(/served path "\/resources\/\{id\}\.json"/);
  });

  it('answers the usage identifier the config asks for: the key’s own, or its usage plan’s', async () => {
    const path = join(dir, 'keys.json');
    await writeFile(path, keyMap);
    const usageIdentifierKey = async (config: AuthorizerConfig) =>
      (await handlerOf(authorizerFromConfig(config, { logger: silent }))(event('/resources/1')))
        .usageIdentifierKey;
    const keyMapSource = { kind: 'file', path } as const;
    expect(await usageIdentifierKey({ ...base, keyMapSource })).toBe(usageIdentifierOf(KEY));
    expect(
      await usageIdentifierKey({
        ...base,
        keyMapSource,
        usageIdentifiers: { mode: 'per-plan', namespace: 'tollgate-dev', usagePlans: ['default'] },
      }),
    ).toBe(usageIdentifierOfPlan('tollgate-dev', 'default'));
  });

  describe('from Secrets Manager', () => {
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    const secrets = mockClient(client);
    const config: AuthorizerConfig = {
      ...base,
      keyMapSource: { kind: 'secrets-manager', secretId: 'tollgate/api-keys' },
    };
    beforeEach(() => secrets.reset());

    it('reads the secret once per TTL and authorizes from it', async () => {
      secrets
        .on(GetSecretValueCommand, { SecretId: 'tollgate/api-keys' })
        .resolves({ SecretString: keyMap });
      const authorize = handlerOf(
        authorizerFromConfig(config, { logger: silent, secretsManagerClient: client }),
      );
      for (const path of ['/resources/1', '/resources/2', '/other']) await authorize(event(path));
      const effects = await Promise.all(
        ['/resources/1', '/other'].map(
          async (p) => (await authorize(event(p))).policyDocument.Statement[0]?.Effect,
        ),
      );
      expect(effects).toEqual(['Allow', 'Deny']);
      expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    });

    it('denies every request, without throwing, while the secret is throttled or malformed', async () => {
      const authorize = () =>
        handlerOf(authorizerFromConfig(config, { logger: silent, secretsManagerClient: client }));
      secrets.on(GetSecretValueCommand).rejects(
        new SecretsManagerServiceException({
          name: 'ThrottlingException',
          $fault: 'client',
          $metadata: {},
          message: 'Rate exceeded',
        }),
      );
      await expect(authorize()(event('/resources/1'))).resolves.toMatchObject({
        context: { reason: 'key-map-unavailable' },
      });
      secrets.reset();
      secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"not": "a key map"' });
      await expect(authorize()(event('/resources/1'))).resolves.toMatchObject({
        context: { reason: 'key-map-unavailable' },
      });
    });
  });

  describe('from a sharded map in Secrets Manager', () => {
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    const secrets = mockClient(client);
    const keys = Array.from({ length: 40 }, (_, i) => `sk_live_sharded_lambda_${i}`);
    const shards = shardKeyMap(
      {
        version: 2,
        plans: { read: [{ method: 'GET', path: '/resources/{id}' }] },
        keys: Object.fromEntries(
          keys.map((key, i) => [hashedKeyName(key), { companyId: 42, userId: i, plans: ['read'] }]),
        ),
      },
      { shards: 8 },
    );
    const config: AuthorizerConfig = {
      ...base,
      keyMapSource: { kind: 'sharded-secrets-manager', secretIdPrefix: 'tollgate/keys', shards: 8 },
    };
    beforeEach(() => {
      secrets.reset();
      for (const shard of shards)
        secrets
          .on(GetSecretValueCommand, { SecretId: `tollgate/keys/${shard.name}` })
          .resolves({ SecretString: shard.json });
    });
    const shardOf = (key: string) => shardOfHashedName(hashedKeyName(key), 8);

    it('makes exactly one Secrets Manager call on a cold start: the presented key’s shard', async () => {
      const authorize = handlerOf(
        authorizerFromConfig(config, { logger: silent, secretsManagerClient: client }),
      );
      const [first = '', ...rest] = keys;
      await expect(authorize(event('/resources/1', first))).resolves.toMatchObject({
        principalId: '42-0',
      });
      expect(
        secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.SecretId),
      ).toEqual([`tollgate/keys/${shardName(shardOf(first))}`]);

      const elsewhere = rest.find((key) => shardOf(key) !== shardOf(first)) ?? '';
      await expect(authorize(event('/resources/1', elsewhere))).resolves.toMatchObject({
        context: { companyId: 42 },
      });
      await expect(authorize(event('/resources/1', 'sk_live_not_a_key'))).rejects.toThrow(
        new Error('Unauthorized'),
      );
      await authorize(event('/resources/2', first));
      const shardsRead = [
        ...new Set(
          [first, elsewhere, 'sk_live_not_a_key'].map(
            (key) => `tollgate/keys/${shardName(shardOf(key))}`,
          ),
        ),
      ];
      expect(
        secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.SecretId),
      ).toEqual(shardsRead);
    });
  });
});
