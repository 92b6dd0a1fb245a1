import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { CachingKeyMapLoader } from '../loader/caching-key-map-loader.js';
import { describeKeyMapSourceConformance, uncached } from '../testing/key-map-source-conformance.js';
import { KeyMapSourceError } from './key-map-source-error.js';
import { secretsManagerKeyMapSource, secretsManagerShardSources } from './secrets-manager-key-map-source.js';

const SECRET_ID = 'tollgate/api-keys';

function throttling() {
  return new SecretsManagerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {}, message: 'Rate exceeded' });
}

describeKeyMapSourceConformance('secretsManagerKeyMapSource', async () => {
  const client = new SecretsManagerClient({ region: 'eu-west-1' });
  const mock = mockClient(client);
  const source = secretsManagerKeyMapSource({ secretId: SECRET_ID, client });
  const storeText = async (text: string) => {
    mock.reset();
    mock.on(GetSecretValueCommand, { SecretId: SECRET_ID }).resolves({ SecretString: text });
  };
  return {
    provider: (logger) => new CachingKeyMapLoader({ source, ...uncached(logger) }),
    sources: [source],
    store: (document) => storeText(JSON.stringify(document)),
    storeText,
    fail: async () => {
      mock.reset();
      mock.on(GetSecretValueCommand).rejects(throttling());
    },
  };
});

describe('secretsManagerKeyMapSource', () => {
  const client = new SecretsManagerClient({ region: 'eu-west-1' });
  const mock = mockClient(client);
  beforeEach(() => mock.reset());

  it('asks for the configured secret and staging label', async () => {
    mock.on(GetSecretValueCommand).resolves({ SecretString: '{}' });
    await secretsManagerKeyMapSource({ secretId: SECRET_ID, client, versionStage: 'AWSPREVIOUS' }).load();
    expect(mock.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: SECRET_ID, VersionStage: 'AWSPREVIOUS' });
  });

  it('reads a binary secret as UTF-8 JSON text', async () => {
    mock.on(GetSecretValueCommand).resolves({ SecretBinary: new TextEncoder().encode('{"k":1}') });
    await expect(secretsManagerKeyMapSource({ secretId: SECRET_ID, client }).load()).resolves.toBe('{"k":1}');
  });

  it('fails with KeyMapSourceError for a secret without a value', async () => {
    mock.on(GetSecretValueCommand).resolves({});
    await expect(secretsManagerKeyMapSource({ secretId: SECRET_ID, client }).load()).rejects.toThrow(
      new KeyMapSourceError(`secret ${SECRET_ID} has no value`),
    );
  });

  it.each([
    ['throttling', throttling(), 'ThrottlingException'],
    ['a missing secret', new ResourceNotFoundException({ $metadata: {}, message: 'not found' }), 'ResourceNotFoundException'],
    ['a network error', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET'],
  ])('reports %s as KeyMapSourceError naming the cause', async (_label, cause, causeName) => {
    mock.on(GetSecretValueCommand).rejects(cause);
    await expect(secretsManagerKeyMapSource({ secretId: SECRET_ID, client }).load()).rejects.toMatchObject({
      name: 'KeyMapSourceError',
      message: `cannot read secret ${SECRET_ID}`,
      causeName,
    });
  });

  it('creates its own client on first load when none is given', async () => {
    const classMock = mockClient(SecretsManagerClient);
    try {
      classMock.on(GetSecretValueCommand).resolves({ SecretString: '{"created":true}' });
      await expect(secretsManagerKeyMapSource({ secretId: SECRET_ID }).load()).resolves.toBe('{"created":true}');
    } finally {
      classMock.restore();
    }
  });

  it('reads shard i of a sharded map from <secretId>/shard-<i>, all shards through one client', async () => {
    mock.on(GetSecretValueCommand).resolves({ SecretString: '{}' });
    const sources = secretsManagerShardSources({ secretId: 'tollgate/keys', client });
    expect(sources(7).description).toBe('secret tollgate/keys/shard-007');
    await sources(7).load();
    await sources(12).load();
    expect(mock.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.SecretId)).toEqual(['tollgate/keys/shard-007', 'tollgate/keys/shard-012']);
  });
});
