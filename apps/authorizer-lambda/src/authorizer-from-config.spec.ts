import { GetSecretValueCommand, SecretsManagerClient, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { hashedKeyName, type AuthzLogger } from '@tollgate/authz';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizerFromConfig } from './authorizer-from-config.js';
import type { AuthorizerConfig } from './config.js';

const KEY = 'sk_live_lambda_test_key_000000000001';
const keyMap = JSON.stringify({
  [hashedKeyName(KEY)]: { companyId: 42, userId: 7, authorizedRequests: [{ method: 'GET', path: '/resources/{id}' }] },
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

const silent: AuthzLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const base = { cacheTtlMs: 60_000, graceMs: 300_000, policyResource: 'method-arn' } as const;

describe('authorizerFromConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authorizer-lambda-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('authorizes from a key-map file', async () => {
    const path = join(dir, 'keys.json');
    await writeFile(path, keyMap);
    const authorize = authorizerFromConfig({ ...base, keyMapSource: { kind: 'file', path } }, { logger: silent });
    await expect(authorize(event('/resources/1'))).resolves.toMatchObject({ principalId: '42-7', context: { companyId: 42, userId: 7 } });
    await expect(authorize(event('/resources/1', 'nope'))).rejects.toThrow(new Error('Unauthorized'));
  });

  describe('from Secrets Manager', () => {
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    const secrets = mockClient(client);
    const config: AuthorizerConfig = { ...base, keyMapSource: { kind: 'secrets-manager', secretId: 'tollgate/api-keys' } };
    beforeEach(() => secrets.reset());

    it('reads the secret once per TTL and authorizes from it', async () => {
      secrets.on(GetSecretValueCommand, { SecretId: 'tollgate/api-keys' }).resolves({ SecretString: keyMap });
      const authorize = authorizerFromConfig(config, { logger: silent, secretsManagerClient: client });
      for (const path of ['/resources/1', '/resources/2', '/other']) await authorize(event(path));
      const effects = await Promise.all(['/resources/1', '/other'].map(async (p) => (await authorize(event(p))).policyDocument.Statement[0]?.Effect));
      expect(effects).toEqual(['Allow', 'Deny']);
      expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    });

    it('denies every request, without throwing, while the secret is throttled or malformed', async () => {
      const authorize = () => authorizerFromConfig(config, { logger: silent, secretsManagerClient: client });
      secrets.on(GetSecretValueCommand).rejects(
        new SecretsManagerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {}, message: 'Rate exceeded' }),
      );
      await expect(authorize()(event('/resources/1'))).resolves.toMatchObject({ context: { reason: 'key-map-unavailable' } });
      secrets.reset();
      secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"not": "a key map"' });
      await expect(authorize()(event('/resources/1'))).resolves.toMatchObject({ context: { reason: 'key-map-unavailable' } });
    });
  });
});
