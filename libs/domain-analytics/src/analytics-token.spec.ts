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

  // Caching, one call for concurrent reads, max age and the last good value on failure are the
  // runtime kit's cachedSecret (tested there); here: what the analytics token adds to it.
  it('reads a plain-text secret, trimmed', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: secretId }).resolves({ SecretString: 'aws-token\n' });

    await expect(analyticsToken({ source: 'secrets-manager', secretId }).get()).resolves.toBe('aws-token');
  });

  it('accepts a JSON secret with a "token" field', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: '{"token":"json-token"}' });

    await expect(analyticsToken({ source: 'secrets-manager', secretId }).get()).resolves.toBe('json-token');
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
