import { authorizerImage, lambdaImages, lambdaStackKind } from '@tollgate/domain-registry';
import { loadConfig } from '@tollgate/platform-config';
import { lambdaEnvironment } from '../lambdas/lambda-environment.js';
import type { Template } from 'aws-cdk-lib/assertions';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

const sha = 'fedcba9876543210fedcba9876543210fedcba98';
const imageNames = lambdaImages.map((image) => image.imageName);
let templates: Record<string, Template>;

beforeAll(() => {
  const synthesis = synthesizeForTest({
    env: 'dev',
    features: imageNames.map(lambdaStackKind).join(','),
    ...Object.fromEntries(
      imageNames.map((name) => [`imageTag.${name}`, `tollgate-${name}-${sha}`]),
    ),
  });
  templates = Object.fromEntries(
    imageNames.map((name) => [name, templateOf(synthesis, lambdaStackKind(name))]),
  );
});

const functionOf = (name: string) =>
  onlyResource(templates[name] as Template, 'AWS::Lambda::Function');

describe.each(imageNames)('the %s Lambda', (name) => {
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

  it('runs as its own exported role', () => {
    expect(functionOf(name)).toEqual(
      expect.objectContaining({
        FunctionName: `tollgate-dev-${name}`,
        Role: { 'Fn::ImportValue': `tollgate-dev-lambda-${name}-role-arn` },
        Architectures: ['arm64'],
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

describe('network placement', () => {
  it.each(['resources', 'analytics'])(
    'the %s Lambda runs in the configured VPC subnets and security groups',
    (name) => {
      expect(functionOf(name)['VpcConfig']).toEqual({
        SubnetIds: ['subnet-0a1b2c3d4e5f60011', 'subnet-0a1b2c3d4e5f60012'],
        SecurityGroupIds: ['sg-0a1b2c3d4e5f60021'],
      });
    },
  );

  it('the authorizer has its configured reserved concurrency; the others share the pool', () => {
    expect(functionOf('authorizer')['ReservedConcurrentExecutions']).toBe(50);
    expect(functionOf('resources')).not.toHaveProperty('ReservedConcurrentExecutions');
  });

  it('the authorizer runs outside the VPC: it reaches only Secrets Manager', () => {
    expect(functionOf('authorizer')).not.toHaveProperty('VpcConfig');
  });
});

describe('Lambda environments, from each registry contract', () => {
  it.each(imageNames)('%s gets exactly its contract’s variables', (name) => {
    const image = lambdaImages.find((candidate) => candidate.imageName === name);
    const variables = image && lambdaEnvironment(image, loadConfig('dev'), 'dev');
    expect(functionOf(name)['Environment']).toEqual({ Variables: variables });
  });

  it('names secrets and carries config values', () => {
    const environments = Object.fromEntries(
      lambdaImages.map((image) => [
        image.imageName,
        lambdaEnvironment(image, loadConfig('dev'), 'dev'),
      ]),
    );
    expect(environments).toEqual(
      expect.objectContaining({
        authorizer: {
          API_KEYS_SECRET_ID: 'tollgate/dev/api-key-map',
          USAGE_IDENTIFIERS: 'per-key',
          USAGE_PLANS: 'default,partner',
          USAGE_IDENTIFIER_NAMESPACE: 'tollgate-dev',
        },
        resources: { DB_SECRET_ID: 'tollgate/dev/database' },
        analytics: {
          ANALYTICS_API_URL: 'https://analytics.sandbox.example.com',
          ANALYTICS_API_SECRET_ID: 'tollgate/dev/analytics-api-token',
        },
      }),
    );
  });
});

describe('the database endpoints (config database)', () => {
  it('reach the resources Lambda only when set: an RDS Proxy writer and a reader for GETs', () => {
    const resources = lambdaImages.find((image) => image.imageName === 'resources');
    if (!resources) throw new Error('no resources image');
    const config = loadConfig('dev');
    expect(lambdaEnvironment(resources, config, 'dev')).toEqual({
      DB_SECRET_ID: 'tollgate/dev/database',
    });
    const database = {
      writerHost: 'tollgate-dev.proxy-abc123.eu-west-1.rds.amazonaws.com',
      readerHost: 'tollgate-dev-ro.endpoint.proxy-abc123.eu-west-1.rds.amazonaws.com',
    };
    expect(lambdaEnvironment(resources, { ...config, database }, 'dev')).toEqual({
      DB_SECRET_ID: 'tollgate/dev/database',
      DB_HOST: database.writerHost,
      DB_READER_HOST: database.readerHost,
    });
  });
});

describe('a sharded key map', () => {
  it('tells the authorizer how many shards to read', () => {
    const config = { ...loadConfig('dev'), apiKeyShards: 16 };
    expect(lambdaEnvironment(authorizerImage, config, 'dev')).toMatchObject({
      API_KEYS_SECRET_ID: 'tollgate/dev/api-key-map',
      API_KEYS_SHARDS: '16',
    });
  });
});

describe('usage identifiers (config api.usageIdentifiers, api.usagePlans)', () => {
  it('reach the deployed authorizer: the mode, the usage plans and the deployment’s namespace', () => {
    expect(functionOf('authorizer')['Environment']).toEqual({
      Variables: expect.objectContaining({
        USAGE_IDENTIFIERS: 'per-key',
        USAGE_PLANS: 'default,partner',
        USAGE_IDENTIFIER_NAMESPACE: 'tollgate-dev',
      }),
    });
  });

  it('per plan, in any environment: the namespace is that environment’s prefix', () => {
    const config = loadConfig('prod');
    const perPlan = { ...config, api: { ...config.api, usageIdentifiers: 'per-plan' as const } };
    expect(lambdaEnvironment(authorizerImage, perPlan, 'prod')).toMatchObject({
      USAGE_IDENTIFIERS: 'per-plan',
      USAGE_PLANS: Object.keys(config.api.usagePlans).join(','),
      USAGE_IDENTIFIER_NAMESPACE: `${config.project}-prod`,
    });
  });
});
