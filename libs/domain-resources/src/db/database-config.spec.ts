import { ConfigError } from '@tollgate/runtime-kit';
import { databaseSourceFromEnv, parseRdsSecret } from './database-config.js';

describe('databaseSourceFromEnv', () => {
  it('uses the RDS secret when DB_SECRET_ID is set (AWS)', () => {
    expect(
      databaseSourceFromEnv({ DB_SECRET_ID: 'tollgate/db', DATABASE_URL: 'postgres://x/y' }),
    ).toEqual({
      kind: 'secret',
      secretId: 'tollgate/db',
    });
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
