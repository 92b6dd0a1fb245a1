import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '@tollgate/platform-config';
import { Deployment } from '../deployment.js';
import { LambdaRoleStack } from './lambda-role-stack.js';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

interface Statement {
  readonly Sid: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

let role: Template;
let statements: Map<string, Statement>;

beforeAll(() => {
  role = templateOf(synthesizeForTest({ env: 'dev', features: 'shared' }), 'lambda-role');
  const { Policies } = onlyResource(role, 'AWS::IAM::Role') as {
    Policies: { PolicyDocument: { Statement: Statement[] } }[];
  };
  statements = new Map(
    Policies.flatMap((policy) => policy.PolicyDocument.Statement).map((s) => [s.Sid, s]),
  );
});

/** `arn:${Partition}:<service>:${Region}:${AccountId}:<rest>` as CloudFormation renders it. */
const localArn = (service: string, rest: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      `:${service}:`,
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      rest,
    ],
  ],
});

describe('Lambda role', () => {
  it('is assumed by Lambda only and is the only IAM resource', () => {
    expect(onlyResource(role, 'AWS::IAM::Role')['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
        },
      ],
    });
    expect(Object.keys(role.findResources('AWS::IAM::Policy'))).toEqual([]);
    expect(Object.keys(role.findResources('AWS::IAM::ManagedPolicy'))).toEqual([]);
  });

  it('has exactly the statements below', () => {
    expect([...statements.keys()].sort()).toEqual([
      'ManageVpcNetworkInterfaces',
      'ReadPlatformSecrets',
      'WriteOwnLogs',
    ]);
  });

  it('reads exactly the configured secrets, by name, and nothing else from Secrets Manager', () => {
    const secrets = statements.get('ReadPlatformSecrets');
    expect(secrets?.Action).toBe('secretsmanager:GetSecretValue');
    expect(secrets?.Resource).toEqual(
      ['tollgate/dev/analytics-api-token', 'tollgate/dev/api-key-map', 'tollgate/dev/database'].map(
        (name) => localArn('secretsmanager', `:secret:${name}-??????`),
      ),
    );
    const others = [...statements.values()].filter((s) => s.Sid !== 'ReadPlatformSecrets');
    expect(JSON.stringify(others)).not.toContain('secretsmanager');
  });

  it('reads the shards of a sharded key map, and only those', () => {
    const deployment = new Deployment('dev', { ...loadConfig('dev'), apiKeyShards: 16 });
    const sharded = Template.fromStack(new LambdaRoleStack(new App(), deployment));
    const { Policies } = onlyResource(sharded, 'AWS::IAM::Role') as {
      Policies: { PolicyDocument: { Statement: Statement[] } }[];
    };
    const read = Policies.flatMap((policy) => policy.PolicyDocument.Statement).find(
      (statement) => statement.Sid === 'ReadPlatformSecrets',
    );
    const expected = [
      'tollgate/dev/analytics-api-token',
      'tollgate/dev/api-key-map/shard-???',
      'tollgate/dev/database',
    ].map((name) => localArn('secretsmanager', `:secret:${name}-??????`));
    expect(read?.Resource).toHaveLength(expected.length);
    expect(read?.Resource).toEqual(expect.arrayContaining(expected));
  });

  it('writes only to the three function log groups', () => {
    const logs = statements.get('WriteOwnLogs');
    expect(logs?.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(logs?.Resource).toEqual(
      ['analytics', 'authorizer', 'resources'].map((name) =>
        localArn('logs', `:log-group:/aws/lambda/tollgate-dev-${name}:*`),
      ),
    );
  });

  it('uses a wildcard resource only for the VPC network-interface actions', () => {
    const network = statements.get('ManageVpcNetworkInterfaces');
    expect(network?.Resource).toBe('*');
    expect(
      (network?.Action as string[]).every(
        (action) =>
          action.startsWith('ec2:') && /NetworkInterface|PrivateIpAddresses|Subnets/.test(action),
      ),
    ).toBe(true);
    const wildcards = [...statements.values()].filter((s) => JSON.stringify(s.Resource) === '"*"');
    expect(wildcards.map((s) => s.Sid)).toEqual(['ManageVpcNetworkInterfaces']);
  });

  it('exports its ARN for the Lambda stacks', () => {
    expect(role.findOutputs('*')['RoleArn']?.['Export']).toEqual({
      Name: 'tollgate-dev-lambda-role-arn',
    });
  });
});
