import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigError } from '@tollgate/runtime-kit';
import { DatabaseUnavailableError } from './database-errors.js';
import { lazyDatabase } from './lazy-database.js';
import { rdsCredentials } from './rds-secret.js';
import { connectionTargetsFor } from './connection-targets.js';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const secretsManager = mockClient(SecretsManagerClient);
/** The CA bundle a domain image on PostgreSQL ships for eu-west-1. */
const regionCaFile = resolve(__dirname, '../rds-ca/eu-west-1.pem');
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

describe('lazyDatabase with DB_SECRET_ID', () => {
  it('reports an unreadable secret as database unavailable, and tries again on the next query', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: '{}' });
    const database = lazyDatabase(
      { kind: 'secret', secretId: 'tollgate/db', caFile: regionCaFile },
      'reader',
    );
    await expect(database.get()).rejects.toEqual(
      new DatabaseUnavailableError('credentials-unavailable'),
    );
    // Second attempt reaches Secrets Manager again and finds a malformed secret: a configuration fault.
    await expect(database.get()).rejects.toBeInstanceOf(ConfigError);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });
});

describe('connecting with DB_SECRET_ID', () => {
  const secret = {
    host: 'tollgate-dev.cluster-abc.eu-west-1.rds.amazonaws.com',
    port: 5432,
    username: 'app',
    password: 'pw',
    dbname: 'tollgate',
  };
  beforeEach(() => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(secret) });
  });

  it('verifies TLS against exactly the region’s RDS CA file, given to pg', async () => {
    const { writer, reader } = await connectionTargetsFor({
      kind: 'secret',
      secretId: 'tollgate/db',
      caFile: regionCaFile,
    });
    expect(writer).toEqual(
      expect.objectContaining({
        host: secret.host,
        ssl: { ca: readFileSync(regionCaFile, 'utf8'), rejectUnauthorized: true },
      }),
    );
    expect(reader).toBeUndefined();
  });

  it('goes through an RDS Proxy and reads from a reader endpoint, with the secret’s credentials', async () => {
    const { writer, reader } = await connectionTargetsFor({
      kind: 'secret',
      secretId: 'tollgate/db',
      caFile: regionCaFile,
      writerHost: 'tollgate-dev.proxy-abc.eu-west-1.rds.amazonaws.com',
      readerHost: 'tollgate-dev-ro.endpoint.proxy-abc.eu-west-1.rds.amazonaws.com',
    });
    for (const [target, host] of [
      [writer, 'tollgate-dev.proxy-abc.eu-west-1.rds.amazonaws.com'],
      [reader, 'tollgate-dev-ro.endpoint.proxy-abc.eu-west-1.rds.amazonaws.com'],
    ] as const) {
      expect(target).toEqual(
        expect.objectContaining({ host, port: 5432, user: 'app', database: 'tollgate' }),
      );
      if (!target || !('password' in target)) throw new Error('expected a secret target');
      await expect(target.password()).resolves.toBe('pw');
    }
  });

  it('fails as a configuration fault when the CA file is missing', async () => {
    await expect(
      connectionTargetsFor({ kind: 'secret', secretId: 'tollgate/db', caFile: '/nonexistent.pem' }),
    ).rejects.toEqual(new ConfigError('DB_CA_FILE /nonexistent.pem cannot be read'));
  });
});

describe('the shipped eu-west-1 CA bundle', () => {
  it('holds the region’s current RDS root CAs and Amazon’s roots (RDS Proxy), nothing expired', () => {
    const pem = readFileSync(regionCaFile, 'utf8');
    const certificates = [
      ...pem.matchAll(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g),
    ].map(([block]) => new X509Certificate(block));
    const names = certificates.map((cert) => /CN=([^\n]+)/.exec(cert.subject)?.[1]);
    expect(names).toEqual([
      'Amazon RDS eu-west-1 Root CA RSA2048 G1',
      'Amazon RDS eu-west-1 Root CA RSA4096 G1',
      'Amazon RDS eu-west-1 Root CA ECC384 G1',
      'Amazon Root CA 1',
      'Amazon Root CA 2',
      'Amazon Root CA 3',
      'Amazon Root CA 4',
    ]);
    for (const cert of certificates) {
      expect(cert.ca).toBe(true);
      expect(Date.parse(cert.validTo)).toBeGreaterThan(Date.now());
    }
  });
});
