import { loadConfig } from '../config/load-config.js';
import { lambdaEnvironment } from '../lambdas/lambda-environment.js';
import type { Template } from 'aws-cdk-lib/assertions';
import type { StackKind } from '../feature-sets.js';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

const sha = 'fedcba9876543210fedcba9876543210fedcba98';
let templates: Record<string, Template>;

beforeAll(() => {
  const synthesis = synthesizeForTest({
    env: 'dev',
    features: 'lambda-authorizer,lambda-resources,lambda-analytics',
    'imageTag.authorizer': `tollgate-authorizer-${sha}`,
    'imageTag.resources': `tollgate-resources-${sha}`,
    'imageTag.analytics': `tollgate-analytics-${sha}`,
  });
  templates = Object.fromEntries(
    ['authorizer', 'resources', 'analytics'].map((name) => [
      name,
      templateOf(synthesis, `lambda-${name}` as StackKind),
    ]),
  );
});

const functionOf = (name: string) =>
  onlyResource(templates[name] as Template, 'AWS::Lambda::Function');

describe.each(['authorizer', 'resources', 'analytics'])('the %s Lambda', (name) => {
  it('runs its image at the given tag from the exported repository', () => {
    const { Code, PackageType } = functionOf(name) as {
      Code: { ImageUri: unknown };
      PackageType: string;
    };
    expect(PackageType).toBe('Image');
    const uri = JSON.stringify(Code.ImageUri);
    expect(uri).toContain('{"Fn::ImportValue":"tollgate-dev-repository-name"}');
    expect(uri).toContain('{"Fn::ImportValue":"tollgate-dev-repository-arn"}');
    expect(uri).toMatch(new RegExp(`":tollgate-${name}-${sha}"\\]\\]\\}$`));
  });

  it('runs in the configured VPC subnets and security groups, as the exported role', () => {
    expect(functionOf(name)).toEqual(
      expect.objectContaining({
        FunctionName: `tollgate-dev-${name}`,
        Role: { 'Fn::ImportValue': 'tollgate-dev-lambda-role-arn' },
        Architectures: ['arm64'],
        VpcConfig: {
          SubnetIds: ['subnet-0a1b2c3d4e5f60011', 'subnet-0a1b2c3d4e5f60012'],
          SecurityGroupIds: ['sg-0a1b2c3d4e5f60021'],
        },
      }),
    );
  });

  it('logs to its own log group with the configured retention', () => {
    const template = templates[name] as Template;
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/aws/lambda/tollgate-dev-${name}`,
      RetentionInDays: 14,
    });
    expect(functionOf(name)['LoggingConfig']).toEqual({
      LogGroup: { Ref: expect.stringMatching(/^LogGroup/) },
    });
  });

  it('exports its ARN for the API stack and reports its tag', () => {
    const outputs = (templates[name] as Template).findOutputs('*');
    expect(outputs['FunctionArn']).toEqual({
      Value: { 'Fn::GetAtt': [expect.stringMatching(/^Function/), 'Arn'] },
      Export: { Name: `tollgate-dev-lambda-${name}-arn` },
    });
    expect(outputs['ImageTag']).toEqual({ Value: `tollgate-${name}-${sha}` });
  });
});

describe('Lambda environments (docs/design.md’s configuration table)', () => {
  it.each([
    ['authorizer', { API_KEYS_SECRET_ID: 'tollgate/dev/api-key-map' }],
    ['resources', { DB_SECRET_ID: 'tollgate/dev/database' }],
    [
      'analytics',
      {
        ANALYTICS_API_URL: 'https://analytics.sandbox.example.com',
        ANALYTICS_API_SECRET_ID: 'tollgate/dev/analytics-api-token',
      },
    ],
  ])('%s gets exactly its variables', (name, variables) => {
    expect(functionOf(name)['Environment']).toEqual({ Variables: variables });
  });
});

describe('a sharded key map', () => {
  it('tells the authorizer how many shards to read', () => {
    const config = { ...loadConfig('dev'), apiKeyShards: 16 };
    expect(lambdaEnvironment('authorizer', config)).toEqual({
      API_KEYS_SECRET_ID: 'tollgate/dev/api-key-map',
      API_KEYS_SHARDS: '16',
    });
  });
});
