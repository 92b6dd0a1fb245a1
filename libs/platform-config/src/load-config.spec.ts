import { PlatformConfigError } from './platform-config-error.js';
import { dev } from './environments/dev.js';
import { loadConfig, parseConfig } from './load-config.js';

type Change = readonly [path: string, value: unknown];

/** The dev config with values replaced (`undefined` removes the key). */
const devWith = (...changes: Change[]): unknown => {
  const copy = structuredClone(dev) as unknown as Record<string, unknown>;
  for (const [path, value] of changes) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
};

const problemOf = (raw: unknown): string => {
  try {
    parseConfig('dev', raw);
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('config was accepted');
};

describe('environment config', () => {
  it.each(['dev', 'prod'])('%s is valid', (envName) => {
    expect(loadConfig(envName).account).toMatch(/^\d{12}$/);
  });

  it('an unknown env fails with one line listing the known ones', () => {
    expect(() => loadConfig('staging')).toThrow(
      new PlatformConfigError('Unknown env "staging": pass -c env=<dev|prod>'),
    );
    expect(() => loadConfig('__proto__')).toThrow(PlatformConfigError);
  });

  it.each<[string, Change, string]>([
    [
      'a missing value',
      ['vpc.vpcId', undefined],
      'vpc.vpcId: Invalid input: expected string, received undefined',
    ],
    [
      'a rate above 1',
      ['alarms.serverErrorRateThreshold', 5],
      'alarms.serverErrorRateThreshold: Too big: expected number to be <=1',
    ],
    ['a bad account id', ['account', '1234'], 'account: expected a 12-digit AWS account id'],
    [
      'a Lambda the registry has but config lacks',
      ['lambdas.analytics', undefined],
      'lambdas.analytics: Invalid input: expected object, received undefined',
    ],
    ['an unknown key', ['api.stage', 'v2'], 'api: Unrecognized key: "stage"'],
    [
      'a secret name ending like an ARN suffix',
      ['secrets.database', 'db-secret'],
      'secrets.database: must not end with a hyphen and six characters',
    ],
    [
      'a plain-http analytics API',
      ['analytics.apiUrl', 'http://analytics.example.com'],
      'analytics.apiUrl: Invalid URL',
    ],
    [
      'a retention CloudWatch does not offer',
      ['logRetentionDays', 15],
      'logRetentionDays: expected a CloudWatch Logs retention period',
    ],
    [
      'a domain outside its zone',
      ['domain.domainName', 'api.example.org'],
      'domain.domainName: must be inside the hosted zone dev.tollgate.dev',
    ],
    [
      'a certificate in another region',
      ['domain.certificateArn', dev.domain.certificateArn.replace('eu-west-1', 'us-east-1')],
      "domain.certificateArn: must be in the config's account and region",
    ],
    [
      'a usage plan throttle as high as the stage’s',
      ['api.usagePlans.default.throttle', { rateLimit: 50, burstLimit: 40 }],
      "api.usagePlans.default.throttle: must be below the stage's throttle (rate 50, burst 100)",
    ],
    [
      'no default usage plan',
      ['api.usagePlans', { partner: { throttle: { rateLimit: 1, burstLimit: 1 } } }],
      'api.usagePlans: must define the "default" usage plan',
    ],
    [
      'an unknown usage identifier mode',
      ['api.usageIdentifiers', 'per-company'],
      'api.usageIdentifiers: Invalid option',
    ],
    [
      'a database host with a scheme',
      ['database', { readerHost: 'postgres://reader.example.com' }],
      'database.readerHost: expected a host name',
    ],
    [
      'a VPC that does not say whether it has a NAT gateway',
      ['vpc.natGateway', undefined],
      'vpc.natGateway: Invalid input: expected boolean',
    ],
    [
      'more datapoints than periods',
      ['alarms.datapointsToAlarm', 9],
      'alarms.datapointsToAlarm: must not exceed evaluationPeriods',
    ],
  ])('%s fails with one line naming it', (_case, change, expected) => {
    const message = problemOf(devWith(change));
    expect(message.startsWith('Invalid config for env "dev": ')).toBe(true);
    expect(message).toContain(expected);
  });

  it('names every bad value at once', () => {
    const message = problemOf(devWith(['region', 'mars'], ['api.throttle.burstLimit', -1]));
    expect(message).toMatch(
      /region: expected an AWS region; api\.throttle\.burstLimit: .*expected number to be >0/,
    );
  });
});
