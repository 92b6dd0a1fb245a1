import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { createAnalyticsClient } from './analytics-client.js';
import { analyticsToken } from './analytics-token.js';
import { startScriptedUpstream } from './scripted-upstream.test-support.js';

const secretsManager = mockClient(SecretsManagerClient);
beforeEach(() => secretsManager.reset());

const secretId = 'tollgate/analytics-api-token';

describe('analyticsToken', () => {
  it('uses the configured token as is when it comes from the environment', async () => {
    await expect(analyticsToken({ source: 'env', token: 'local-token' }).get()).resolves.toBe('local-token');
    expect(secretsManager.calls()).toHaveLength(0);
  });

  it('fetches the token from Secrets Manager once and keeps it, even for concurrent first calls', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: secretId }).resolves({ SecretString: 'aws-token\n' });
    const { get } = analyticsToken({ source: 'secrets-manager', secretId });

    await expect(Promise.all([get(), get()])).resolves.toEqual(['aws-token', 'aws-token']);
    await expect(get()).resolves.toBe('aws-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('accepts a JSON secret with a "token" field', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: '{"token":"json-token"}' });

    await expect(analyticsToken({ source: 'secrets-manager', secretId }).get()).resolves.toBe('json-token');
  });

  it('does not keep a failed fetch: the next request tries again', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'aws-token' });
    const { get } = analyticsToken({ source: 'secrets-manager', secretId });

    await expect(get()).rejects.toThrow('throttled');
    await expect(get()).resolves.toBe('aws-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('fetches the token again once it is older than maxAgeMs (rotation is picked up)', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old-token' })
      .resolves({ SecretString: 'new-token' });
    let now = 0;
    const { get } = analyticsToken({ source: 'secrets-manager', secretId }, { maxAgeMs: 60_000, now: () => now });

    await expect(get()).resolves.toBe('old-token');
    now = 59_999;
    await expect(get()).resolves.toBe('old-token');
    now = 60_000;
    await expect(get()).resolves.toBe('new-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('keeps using the token in hand when a refresh fails, until the next maxAgeMs', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old-token' })
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'new-token' });
    let now = 0;
    const { get } = analyticsToken({ source: 'secrets-manager', secretId }, { maxAgeMs: 1000, now: () => now });

    await get();
    now = 1000;
    await expect(get()).resolves.toBe('old-token');
    now = 1999;
    await expect(get()).resolves.toBe('old-token');
    now = 2000;
    await expect(get()).resolves.toBe('new-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });

  it('forgets a refused token at once, but not a newer one', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old-token' })
      .resolves({ SecretString: 'new-token' });
    const tokens = analyticsToken({ source: 'secrets-manager', secretId });

    await tokens.get();
    tokens.invalidate('old-token');
    await expect(tokens.get()).resolves.toBe('new-token');
    tokens.invalidate('old-token'); // a late refusal of the old token, from a concurrent request
    await expect(tokens.get()).resolves.toBe('new-token');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('lets the client recover from a rotation: refused, re-read, retried once, served', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old-token' })
      .resolves({ SecretString: '{"token":"new-token"}' });
    const report = {
      reportId: 'daily-usage',
      companyId: '42',
      title: 'Daily usage',
      generatedAt: '2026-11-23T00:00:00.000Z',
      metrics: [],
    };
    const upstream = await startScriptedUpstream([{ status: 401 }, { status: 200, body: report }]);
    try {
      const client = createAnalyticsClient({
        baseUrl: upstream.url,
        token: analyticsToken({ source: 'secrets-manager', secretId }),
        timeoutMs: 5_000,
      });

      await expect(client.getReport('42', 'daily-usage')).resolves.toEqual(report);
      expect(upstream.requests.map((r) => r.authorization)).toEqual(['Bearer old-token', 'Bearer new-token']);
      expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    } finally {
      await upstream.close();
    }
  });

  it.each([
    ['an empty secret', ''],
    ['a binary secret', undefined],
    ['JSON without a token', '{"password":"hunter2"}'],
    ['broken JSON', '{"token": hunter2'],
  ])('rejects %s without quoting it', async (_, SecretString) => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString });

    const error = await analyticsToken({ source: 'secrets-manager', secretId })
      .get()
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(secretId);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
