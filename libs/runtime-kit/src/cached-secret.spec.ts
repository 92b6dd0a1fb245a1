import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { cachedSecret } from './cached-secret.js';

const secretsManager = mockClient(SecretsManagerClient);

beforeEach(() => secretsManager.reset());

const clock = () => {
  let time = 1_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
};

const parse = (text: string | undefined) => {
  if (!text) throw new Error('secret is empty');
  return text;
};

describe('cachedSecret', () => {
  it('fetches on first use only, sharing one call between concurrent reads', async () => {
    secretsManager
      .on(GetSecretValueCommand, { SecretId: 'app/token' })
      .resolves({ SecretString: 'v1' });
    const secret = cachedSecret({ secretId: 'app/token', parse });
    expect(secretsManager.calls()).toHaveLength(0);
    await expect(Promise.all([secret.get(), secret.get(), secret.get()])).resolves.toEqual([
      'v1',
      'v1',
      'v1',
    ]);
    await secret.get();
    expect(secretsManager.calls()).toHaveLength(1);
  });

  it('fetches again once the value is older than maxAgeMs', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'v1' })
      .resolves({ SecretString: 'v2' });
    const time = clock();
    const secret = cachedSecret({ secretId: 's', parse, maxAgeMs: 60_000, now: time.now });
    await expect(secret.get()).resolves.toBe('v1');
    time.advance(59_999);
    await expect(secret.get()).resolves.toBe('v1');
    time.advance(1);
    await expect(secret.get()).resolves.toBe('v2');
  });

  it('keeps the last good value when a refresh fails, and rejects without one', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'v1' })
      .rejects(new Error('throttled'));
    const time = clock();
    const secret = cachedSecret({ secretId: 's', parse, maxAgeMs: 1_000, now: time.now });
    await secret.get();
    time.advance(5_000);
    await expect(secret.get()).resolves.toBe('v1');

    const fresh = cachedSecret({ secretId: 's', parse });
    await expect(fresh.get()).rejects.toThrow('throttled');
  });

  it('rejects a value its parser refuses, without caching it', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: '' })
      .resolves({ SecretString: 'ok' });
    const secret = cachedSecret({ secretId: 's', parse });
    await expect(secret.get()).rejects.toThrow('secret is empty');
    await expect(secret.get()).resolves.toBe('ok');
  });

  it('forgets an invalidated value, and only that one', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old' })
      .resolves({ SecretString: 'new' });
    const secret = cachedSecret({ secretId: 's', parse });
    await secret.get();
    secret.invalidate('something else');
    await expect(secret.get()).resolves.toBe('old');
    secret.invalidate('old');
    await expect(secret.get()).resolves.toBe('new');
  });
});
