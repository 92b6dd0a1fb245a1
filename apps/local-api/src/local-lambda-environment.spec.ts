import { lambdaImages, type LambdaImageDefinition } from '@tollgate/domain-registry';
import { localLambdaEnvironment } from './local-lambda-environment.js';

const values = {
  databaseUrl: 'postgres://local/db',
  apiKeysFile: '/keys.json',
  analyticsApiUrl: 'http://127.0.0.1:1234',
  analyticsApiToken: 'stand-in-token',
  usageIdentifiers: 'per-key',
  usagePlans: 'default,partner',
  usageIdentifierNamespace: 'tollgate-local',
};

const image = (lambdaApp: string, runtime: LambdaImageDefinition['runtime']) => ({
  lambdaApp,
  imageName: lambdaApp,
  runtime,
});

describe('local Lambda environment', () => {
  it('sets each contract’s local variables and removes its AWS-only ones', () => {
    const environment = localLambdaEnvironment(
      [
        image('a', {
          aws: { DB_SECRET_ID: { secret: 'database' } },
          local: { DATABASE_URL: 'databaseUrl' },
        }),
        image('b', {
          aws: {
            API_KEYS_SECRET_ID: { secret: 'apiKeys' },
            API_KEYS_SHARDS: { config: 'apiKeyShards' },
          },
          local: { API_KEYS_FILE: 'apiKeysFile' },
        }),
        image('c', {
          aws: { DB_SECRET_ID: { secret: 'database' } },
          local: { DATABASE_URL: 'databaseUrl' },
        }),
      ],
      values,
    );
    expect(environment).toEqual({
      set: { DATABASE_URL: 'postgres://local/db', API_KEYS_FILE: '/keys.json' },
      unset: ['DB_SECRET_ID', 'API_KEYS_SECRET_ID', 'API_KEYS_SHARDS'],
    });
  });

  it('keeps a variable one Lambda sets locally even if another reads it in AWS', () => {
    const environment = localLambdaEnvironment(
      [
        image('a', { aws: { URL: { config: 'analyticsApiUrl' } }, local: {} }),
        image('b', { aws: {}, local: { URL: 'analyticsApiUrl' } }),
      ],
      values,
    );
    expect(environment).toEqual({ set: { URL: values.analyticsApiUrl }, unset: [] });
  });

  it('refuses two Lambdas wanting one variable with different values', () => {
    expect(() =>
      localLambdaEnvironment(
        [
          image('a', { aws: {}, local: { URL: 'analyticsApiUrl' } }),
          image('b', { aws: {}, local: { URL: 'databaseUrl' } }),
        ],
        values,
      ),
    ).toThrow('b needs URL set differently from another Lambda');
  });

  it('gives the authorizer bundle the usage identifiers the local gateway throttles by', () => {
    expect(localLambdaEnvironment(lambdaImages, values).set).toMatchObject({
      USAGE_IDENTIFIERS: 'per-key',
      USAGE_PLANS: 'default,partner',
      USAGE_IDENTIFIER_NAMESPACE: 'tollgate-local',
    });
  });

  it('leaves no variable of the registry’s AWS environments unset or AWS-only', () => {
    const environment = localLambdaEnvironment(lambdaImages, values);
    for (const { runtime } of lambdaImages) {
      for (const variable of Object.keys(runtime.aws)) {
        expect(
          Object.hasOwn(environment.set, variable) || environment.unset.includes(variable),
        ).toBe(true);
      }
    }
  });
});
