import type { Template } from 'aws-cdk-lib/assertions';
import type { Synthesis } from '../synth/synthesize.js';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

let prod: Synthesis;
let network: Template;

beforeAll(() => {
  prod = synthesizeForTest({ env: 'prod', features: 'shared' });
  network = templateOf(prod, 'network');
});

describe('the Secrets Manager interface endpoint (config vpc.secretsManagerEndpoint)', () => {
  it('is a private-DNS endpoint in the Lambdas’ private subnets', () => {
    expect(onlyResource(network, 'AWS::EC2::VPCEndpoint')).toEqual(
      expect.objectContaining({
        VpcId: 'vpc-0f9e8d7c6b5a40001',
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SubnetIds: [
          'subnet-0f9e8d7c6b5a40011',
          'subnet-0f9e8d7c6b5a40012',
          'subnet-0f9e8d7c6b5a40013',
        ],
        ServiceName: 'com.amazonaws.eu-west-1.secretsmanager',
      }),
    );
  });

  it('accepts HTTPS from the Lambdas’ security groups only', () => {
    expect(onlyResource(network, 'AWS::EC2::SecurityGroup')['SecurityGroupIngress']).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        SourceSecurityGroupId: 'sg-0f9e8d7c6b5a40021',
      }),
    ]);
  });

  it('is deployed before the Lambdas that use it', () => {
    const lambdas = synthesizeForTest({ env: 'prod', features: 'all' }).assembly.stacks.filter(
      (stack) =>
        stack.stackName.startsWith('tollgate-prod-lambda-') &&
        stack.stackName !== 'tollgate-prod-lambda-role',
    );
    expect(lambdas.length).toBeGreaterThan(0);
    for (const stack of lambdas) {
      expect(stack.dependencies.map((d) => d.id)).toContain('tollgate-prod-network');
    }
  });

  it('is not there when the config does not ask for it (dev)', () => {
    const dev = synthesizeForTest({ env: 'dev', features: 'shared' });
    expect(dev.stacks.has('network')).toBe(false);
  });
});
