import { lambdaImages } from '@tollgate/domain-registry';
import type { Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '@tollgate/platform-config';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

let domain: Template;
let repository: Template;

beforeAll(() => {
  const synthesis = synthesizeForTest({ env: 'dev', features: 'shared' });
  domain = templateOf(synthesis, 'custom-domain');
  repository = templateOf(synthesis, 'repository');
});

describe('custom domain', () => {
  it('is a REGIONAL TLS 1.2 domain on the configured certificate', () => {
    expect(onlyResource(domain, 'AWS::ApiGateway::DomainName')).toEqual({
      DomainName: 'api.dev.tollgate.dev',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      RegionalCertificateArn: loadConfig('dev').domain.certificateArn,
      SecurityPolicy: 'TLS_1_2',
    });
  });

  it('is aliased in the configured hosted zone', () => {
    expect(onlyResource(domain, 'AWS::Route53::RecordSet')).toEqual(
      expect.objectContaining({
        HostedZoneId: 'Z0123456789DEVZONE01',
        Name: 'api.dev.tollgate.dev.',
        Type: 'A',
        AliasTarget: {
          DNSName: { 'Fn::GetAtt': [expect.stringMatching(/^DomainName/), 'RegionalDomainName'] },
          HostedZoneId: {
            'Fn::GetAtt': [expect.stringMatching(/^DomainName/), 'RegionalHostedZoneId'],
          },
        },
      }),
    );
  });

  it('exports its name for the API’s base path mapping', () => {
    expect(domain.findOutputs('*')['DomainNameOutput']?.['Export']).toEqual({
      Name: 'tollgate-dev-custom-domain-name',
    });
  });
});

describe('ECR repository', () => {
  it('keeps immutable, scanned images and survives stack deletion, but not a failed first create', () => {
    const resources = Object.values(repository.findResources('AWS::ECR::Repository'));
    expect(resources).toHaveLength(1);
    expect(resources[0]).toEqual(
      expect.objectContaining({ DeletionPolicy: 'RetainExceptOnCreate' }),
    );
    const props = onlyResource(repository, 'AWS::ECR::Repository') as {
      RepositoryName: string;
      ImageTagMutability: string;
      ImageScanningConfiguration: unknown;
    };
    expect(props.RepositoryName).toBe('tollgate');
    expect(props.ImageTagMutability).toBe('IMMUTABLE');
    expect(props.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
  });

  it('keeps the newest images of each image separately: one lifecycle rule per image, by tag prefix', () => {
    const { LifecyclePolicy } = onlyResource(repository, 'AWS::ECR::Repository') as {
      LifecyclePolicy: { LifecyclePolicyText: string };
    };
    const { rules } = JSON.parse(LifecyclePolicy.LifecyclePolicyText) as {
      rules: { selection: Record<string, unknown> }[];
    };
    expect(rules.map((rule) => rule.selection)).toEqual(
      lambdaImages.map(({ imageName }) => ({
        tagStatus: 'tagged',
        tagPrefixList: [`tollgate-${imageName}-`],
        countType: 'imageCountMoreThan',
        countNumber: 50,
      })),
    );
  });

  it('lets Lambda pull images only for this environment’s functions', () => {
    const { RepositoryPolicyText } = onlyResource(repository, 'AWS::ECR::Repository') as {
      RepositoryPolicyText: { Statement: unknown[] };
    };
    expect(RepositoryPolicyText.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: {
          StringLike: {
            'aws:SourceArn': expect.objectContaining({ 'Fn::Join': expect.anything() }),
          },
        },
      }),
    ]);
    expect(JSON.stringify(RepositoryPolicyText)).toContain(':function:tollgate-dev-*');
  });

  it('exports its ARN and name for the Lambda stacks', () => {
    const outputs = repository.findOutputs('*');
    expect(outputs['RepositoryArn']?.['Export']).toEqual({ Name: 'tollgate-dev-repository-arn' });
    expect(outputs['RepositoryName']?.['Export']).toEqual({ Name: 'tollgate-dev-repository-name' });
  });
});
