import { ConfigError } from '@tollgate/runtime-kit';
import { databaseSourceFromEnv, parseRdsSecret } from './database-config.js';

describe('databaseSourceFromEnv', () => {
  const lambda = { AWS_REGION: 'eu-west-1', LAMBDA_TASK_ROOT: '/var/task' };

  it('uses the RDS secret when DB_SECRET_ID is set (AWS), verified with the image’s CA file for the region', () => {
    expect(
      databaseSourceFromEnv({
        ...lambda,
        DB_SECRET_ID: 'tollgate/db',
        DATABASE_URL: 'postgres://x/y',
      }),
    ).toEqual({
      kind: 'secret',
      secretId: 'tollgate/db',
      caFile: '/var/task/rds-ca/eu-west-1.pem',
    });
  });

  it('takes an RDS Proxy writer host, a reader host and another CA file from the environment', () => {
    expect(
      databaseSourceFromEnv({
        ...lambda,
        DB_SECRET_ID: 'tollgate/db',
        DB_HOST: 'db.proxy-abc.eu-west-1.rds.amazonaws.com',
        DB_READER_HOST: 'db-ro.endpoint.proxy-abc.eu-west-1.rds.amazonaws.com',
        DB_CA_FILE: '/opt/ca.pem',
      }),
    ).toEqual({
      kind: 'secret',
      secretId: 'tollgate/db',
      caFile: '/opt/ca.pem',
      writerHost: 'db.proxy-abc.eu-west-1.rds.amazonaws.com',
      readerHost: 'db-ro.endpoint.proxy-abc.eu-west-1.rds.amazonaws.com',
    });
  });

  it('needs a region (or DB_CA_FILE) with DB_SECRET_ID: TLS is never unverified', () => {
    expect(() => databaseSourceFromEnv({ DB_SECRET_ID: 'tollgate/db' })).toThrow(
      new ConfigError('DB_CA_FILE (or AWS_REGION, for rds-ca/<region>.pem) must be set'),
    );
  });

  it('refuses a host with a scheme, naming the variable', () => {
    expect(() =>
      databaseSourceFromEnv({ ...lambda, DB_SECRET_ID: 'x', DB_READER_HOST: 'postgres://db' }),
    ).toThrow('DB_READER_HOST must be a host name (no scheme or port)');
  });

  it('reads locally from DATABASE_READER_URL when set', () => {
    expect(
      databaseSourceFromEnv({
        DATABASE_URL: 'postgres://w/app',
        DATABASE_READER_URL: 'postgres://r/app',
      }),
    ).toEqual({ kind: 'url', url: 'postgres://w/app', readerUrl: 'postgres://r/app' });
  });

  it('uses DATABASE_URL otherwise (locally, in tests)', () => {
    expect(databaseSourceFromEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/app' })).toEqual({
      kind: 'url',
      url: 'postgresql://u:p@db:5432/app',
    });
  });

  it('names both variables when neither is set', () => {
    expect(() => databaseSourceFromEnv({ DATABASE_URL: '' })).toThrow(
      new ConfigError('DB_SECRET_ID (in AWS) or DATABASE_URL (locally) must be set'),
    );
  });

  it('names DATABASE_URL, without echoing its value, when it is not a postgres URL', () => {
    const attempt = () => databaseSourceFromEnv({ DATABASE_URL: 'mysql://root:hunter2@db/app' });
    expect(attempt).toThrow(
      'invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL',
    );
    expect(attempt).not.toThrow(/hunter2/);
  });
});

describe('parseRdsSecret', () => {
  const secret = {
    engine: 'postgres',
    host: 'db.internal',
    port: 5432,
    username: 'app',
    password: 's3cret',
    dbname: 'tollgate',
  };

  it('maps the RDS secret fields to connection fields', () => {
    expect(parseRdsSecret(JSON.stringify(secret))).toEqual({
      host: 'db.internal',
      port: 5432,
      user: 'app',
      password: 's3cret',
      database: 'tollgate',
    });
  });

  it('defaults port and database name like PostgreSQL does', () => {
    const { port: _, dbname: __, ...minimal } = secret;
    expect(parseRdsSecret(JSON.stringify({ ...minimal, port: '6543' }))).toMatchObject({
      port: 6543,
      database: 'postgres',
    });
    expect(parseRdsSecret(JSON.stringify(minimal))).toMatchObject({ port: 5432 });
  });

  it('names the invalid fields and never the secret value', () => {
    const attempt = () => parseRdsSecret(JSON.stringify({ ...secret, host: '', username: 42 }));
    expect(attempt).toThrow(
      'invalid configuration: DB_SECRET_ID secret field(s) invalid: host, username',
    );
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('rejects a secret that is not JSON', () => {
    expect(() => parseRdsSecret('s3cret')).toThrow(
      'invalid configuration: DB_SECRET_ID secret is not JSON',
    );
    expect(() => parseRdsSecret(undefined)).toThrow(ConfigError);
  });
});
