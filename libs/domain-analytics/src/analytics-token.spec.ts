import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { analyticsToken } from './analytics-token.js';

const secretsManager = mockClient(SecretsManagerClient);
beforeEach(() => secretsManager.reset());

const secretId = 'tollgate/analytics-api-token';

describe('analyticsToken', () => {
  it('uses the configured token as is when it comes from the environment', async () => {
    await expect(analyticsToken({ source: 'env', token: 'local-token' })()).resolves.toBe('local-token');
    expect(secretsManager.calls()).toHaveLength(0);
  });

  it('fetches the token from Secrets Manager once and keeps it, even for concurrent first calls', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: secretId }).resolves({ SecretString: 'aws-token\n' });
    const token = analyticsToken({ source: 'secrets-manager', secretId });

    await expect(Promise.all([token(), token()])).resolves.toEqual(['aws-token', 'aws-token']);
    await expect(token()).resolves.toBe('aws-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('accepts a JSON secret with a "token" field', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: '{"token":"json-token"}' });

    await expect(analyticsToken({ source: 'secrets-manager', secretId })()).resolves.toBe('json-token');
  });

  it('does not keep a failed fetch: the next request tries again', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'aws-token' });
    const token = analyticsToken({ source: 'secrets-manager', secretId });

    await expect(token()).rejects.toThrow('throttled');
    await expect(token()).resolves.toBe('aws-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it.each([
    ['an empty secret', ''],
    ['a binary secret', undefined],
    ['JSON without a token', '{"password":"hunter2"}'],
    ['broken JSON', '{"token": hunter2'],
  ])('rejects %s without quoting it', async (_, SecretString) => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString });

    const error = await analyticsToken({ source: 'secrets-manager', secretId })().catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(secretId);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
