import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigError } from '@tollgate/runtime-kit';
import { DatabaseUnavailableError } from './database-errors.js';
import { createLazyResourceStore } from './lazy-resource-store.js';
import { rdsCredentials } from './rds-secret.js';

const secretsManager = mockClient(SecretsManagerClient);
afterEach(() => secretsManager.reset());

describe('rdsCredentials', () => {
  it('reads the secret named by DB_SECRET_ID and parses it', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: 'tollgate/db' }).resolves({
      SecretString: JSON.stringify({
        host: 'db.internal',
        port: 5432,
        username: 'app',
        password: 'pw',
        dbname: 'tollgate',
      }),
    });
    await expect(rdsCredentials('tollgate/db').get()).resolves.toEqual({
      host: 'db.internal',
      port: 5432,
      user: 'app',
      password: 'pw',
      database: 'tollgate',
    });
  });

  it('lets Secrets Manager errors through for the caller to classify', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejects(new ResourceNotFoundException({ message: 'nope', $metadata: {} }));
    await expect(rdsCredentials('tollgate/db').get()).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe('createLazyResourceStore with DB_SECRET_ID', () => {
  it('reports an unreadable secret as database unavailable, and tries again on the next query', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: '{}' });
    const store = createLazyResourceStore({ kind: 'secret', secretId: 'tollgate/db' });
    await expect(store.findById('42', 'x')).rejects.toEqual(
      new DatabaseUnavailableError('credentials-unavailable'),
    );
    // Second attempt reaches Secrets Manager again and finds a malformed secret: a configuration fault.
    await expect(store.findById('42', 'x')).rejects.toBeInstanceOf(ConfigError);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });
});
