import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { authorizerImage, domains, lambdaImages, secretsReadBy } from '@tollgate/domain-registry';
import { loadConfig } from '@tollgate/platform-config';
import { Deployment } from '../deployment.js';
import { LambdaRoleStack } from './lambda-role-stack.js';
import { synthesizeForTest, templateOf } from '../testing/synth-fixture.test-support.js';

interface Statement {
  readonly Sid: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

interface RoleResource {
  readonly Properties: {
    readonly RoleName: string;
    readonly AssumeRolePolicyDocument: unknown;
    readonly Policies: { PolicyDocument: { Statement: Statement[] } }[];
  };
}

const config = loadConfig('dev');
let template: Template;

beforeAll(() => {
  template = templateOf(synthesizeForTest({ env: 'dev', features: 'shared' }), 'lambda-role');
});

const rolesIn = (stack: Template) =>
  new Map(
    Object.values(stack.findResources('AWS::IAM::Role') as Record<string, RoleResource>).map(
      ({ Properties: role }) => [role.RoleName.replace(/^tollgate-dev-lambda-/, ''), role],
    ),
  );

const statementsOf = (role: RoleResource['Properties'] | undefined) =>
  new Map(
    (role?.Policies ?? [])
      .flatMap((policy) => policy.PolicyDocument.Statement)
      .map((statement) => [statement.Sid, statement]),
  );

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

/** The secret names one Lambda's role may read, as `tollgate/dev/...`. */
const readableSecrets = (stack: Template, imageName: string): string[] => {
  const resource = statementsOf(rolesIn(stack).get(imageName)).get('ReadOwnSecrets')?.Resource;
  // CloudFormation renders a single resource as itself, several as a list.
  return ([resource ?? []].flat() as ReturnType<typeof localArn>[]).map((arn) => {
    const rest = String(arn['Fn::Join'][1]?.at(-1));
    return rest.replace(/^:secret:/, '').replace(/-\?{6}$/, '');
  });
};

describe('Lambda roles', () => {
  it('are one per Lambda, assumed by Lambda only, and the only IAM resources', () => {
    const roles = rolesIn(template);
    expect([...roles.keys()].sort()).toEqual(lambdaImages.map((image) => image.imageName).sort());
    for (const role of roles.values()) {
      expect(role.AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
          },
        ],
      });
    }
    expect(Object.keys(template.findResources('AWS::IAM::Policy'))).toEqual([]);
    expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))).toEqual([]);
  });

  it.each(lambdaImages.map((image) => [image.imageName, image] as const))(
    '%s reads exactly the secrets its contract declares, and nothing else from Secrets Manager',
    (imageName, image) => {
      expect(readableSecrets(template, imageName)).toEqual(
        secretsReadBy(image.runtime).map((secret) => config.secrets[secret]),
      );
      const statements = statementsOf(rolesIn(template).get(imageName));
      const others = [...statements.values()].filter((s) => s.Sid !== 'ReadOwnSecrets');
      expect(JSON.stringify(others)).not.toContain('secretsmanager');
      expect(statements.get('ReadOwnSecrets')?.Action ?? 'secretsmanager:GetSecretValue').toBe(
        'secretsmanager:GetSecretValue',
      );
    },
  );

  it('keep the database credentials from the authorizer and the key map from every domain', () => {
    expect(readableSecrets(template, authorizerImage.imageName)).toEqual([config.secrets.apiKeys]);
    for (const { imageName } of domains) {
      expect(readableSecrets(template, imageName)).not.toContain(config.secrets.apiKeys);
    }
    expect(readableSecrets(template, 'analytics')).toEqual([config.secrets.analyticsApiToken]);
  });

  it('let the authorizer read the shards of a sharded key map, and only those', () => {
    const deployment = new Deployment('dev', { ...config, apiKeyShards: 16 });
    const sharded = Template.fromStack(new LambdaRoleStack(new App(), deployment));
    expect(readableSecrets(sharded, authorizerImage.imageName)).toEqual([
      'tollgate/dev/api-key-map/shard-???',
    ]);
  });

  it.each(lambdaImages.map((image) => [image.imageName]))(
    '%s writes only to its own log group, with a wildcard resource only for network interfaces',
    (imageName) => {
      const statements = statementsOf(rolesIn(template).get(imageName));
      expect(statements.get('WriteOwnLogs')?.Action).toEqual([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ]);
      expect(statements.get('WriteOwnLogs')?.Resource).toEqual(
        localArn('logs', `:log-group:/aws/lambda/tollgate-dev-${imageName}:*`),
      );
      const network = statements.get('ManageVpcNetworkInterfaces');
      expect(
        (network?.Action as string[]).every(
          (action) =>
            action.startsWith('ec2:') && /NetworkInterface|PrivateIpAddresses|Subnets/.test(action),
        ),
      ).toBe(true);
      const wildcards = [...statements.values()].filter(
        (s) => JSON.stringify(s.Resource) === '"*"',
      );
      expect(wildcards.map((s) => s.Sid)).toEqual(['ManageVpcNetworkInterfaces']);
    },
  );

  it('export each ARN for its Lambda stack', () => {
    const exports = Object.values(template.findOutputs('*')).map((output) => output['Export']);
    expect(exports).toEqual(
      lambdaImages.map(({ imageName }) => ({ Name: `tollgate-dev-lambda-${imageName}-role-arn` })),
    );
  });
});
