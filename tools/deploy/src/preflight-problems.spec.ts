import { domains, secretsReadBy } from '@tollgate/domain-registry';
import { environments, type PlatformConfigInput } from '@tollgate/platform-config';
import { preflightProblems } from './preflight-problems.js';

const dev = environments['dev'] as PlatformConfigInput;

/** The dev example with every placeholder id replaced by a real-looking one. */
function filledIn(): PlatformConfigInput {
  return {
    ...structuredClone(dev),
    account: '123456789012',
    vpc: {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['eu-west-1a'],
      privateSubnetIds: ['subnet-0123456789abcdef1'],
      securityGroupIds: ['sg-0123456789abcdef2'],
      natGateway: true,
    },
    domain: {
      ...dev.domain,
      hostedZoneId: 'Z04123456ABCDEFGHIJK',
      certificateArn:
        'arn:aws:acm:eu-west-1:123456789012:certificate/abcdef01-2345-4678-9abc-def012345678',
    },
    alarms: { ...dev.alarms, slack: { workspaceId: 'T07ABCDEF12', channelId: 'C07ABCDEF34' } },
  };
}

describe('preflight', () => {
  it('passes an environment whose ids are filled in and whose Lambdas have a way out', () => {
    expect(preflightProblems(filledIn())).toEqual([]);
  });

  it('names every id still the example environment’s, one line each', () => {
    const problems = preflightProblems(dev);
    expect(problems).toContain(
      "account: 111111111111 is the example environment's placeholder, not yours",
    );
    expect(problems).toContain(
      "vpc.privateSubnetIds: subnet-0a1b2c3d4e5f60012 is the example environment's placeholder, not yours",
    );
    expect(problems.filter((line) => line.startsWith('alarms.slack.workspaceId: '))).toEqual([
      expect.stringContaining('authorize AWS Chatbot'),
    ]);
    expect(problems).toHaveLength(9);
    for (const line of problems) expect(line).not.toContain('\n');
  });

  it('fails a missing Chatbot workspace id, saying how to get one', () => {
    const config = filledIn();
    const slack: Partial<PlatformConfigInput['alarms']['slack']> = { ...config.alarms.slack };
    delete slack.workspaceId;
    expect(preflightProblems({ ...config, alarms: { ...config.alarms, slack } })).toEqual([
      expect.stringMatching(/^alarms\.slack\.workspaceId: .*authorize AWS Chatbot/),
    ]);
  });

  it('fails a certificate outside the API’s region', () => {
    const config = filledIn();
    config.domain.certificateArn = config.domain.certificateArn.replace('eu-west-1', 'us-east-1');
    expect(preflightProblems(config)).toEqual([
      expect.stringMatching(/^domain\.certificateArn: must be in the config's account and region/),
    ]);
  });

  it('fails VPC Lambdas that can reach neither Secrets Manager nor the internet', () => {
    const config = filledIn();
    config.vpc.natGateway = false;
    expect(preflightProblems(config)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^vpc: ${domains
            .filter((domain) => secretsReadBy(domain.runtime).length > 0)
            .map((domain) => domain.lambdaApp)
            .join(', ')} read Secrets Manager .*no NAT gateway and no endpoint`,
        ),
      ),
      'vpc.natGateway: analytics-lambda calls https://analytics.sandbox.example.com from the VPC, which has no NAT gateway: the internet is out of reach',
    ]);
  });

  it('accepts a Secrets Manager endpoint in place of NAT for secrets (not for the internet)', () => {
    const config = filledIn();
    config.vpc = { ...config.vpc, natGateway: false, secretsManagerEndpoint: true };
    expect(preflightProblems(config)).toEqual([
      expect.stringMatching(/^vpc\.natGateway: analytics-lambda calls/),
    ]);
  });
});
