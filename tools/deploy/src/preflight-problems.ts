import {
  authorizerImage,
  lambdaImages,
  type LambdaImageDefinition,
} from '@tollgate/domain-registry';
import {
  exampleIds,
  platformConfigSchema,
  platformConfigValue,
  type PlatformConfig,
} from '@tollgate/platform-config';

/** The config paths holding ids of the platform team's own resources, with their values. */
const idFields: readonly (readonly [path: string, what: (c: PlatformConfig) => string[]])[] = [
  ['account', (c) => [c.account]],
  ['vpc.vpcId', (c) => [c.vpc.vpcId]],
  ['vpc.privateSubnetIds', (c) => c.vpc.privateSubnetIds],
  ['vpc.securityGroupIds', (c) => c.vpc.securityGroupIds],
  ['domain.hostedZoneId', (c) => [c.domain.hostedZoneId]],
  ['domain.certificateArn', (c) => [c.domain.certificateArn]],
  ['alarms.slack.workspaceId', (c) => [c.alarms.slack.workspaceId]],
  ['alarms.slack.channelId', (c) => [c.alarms.slack.channelId]],
];

/** What a line about a config path should also tell a platform team. */
const hints: Readonly<Record<string, string>> = {
  'alarms.slack.workspaceId':
    ' (authorize AWS Chatbot with the Slack workspace once in the AWS Chatbot console, then copy its workspace id)',
  'domain.certificateArn':
    ' (an ACM certificate in the API’s own account and region: the API is REGIONAL)',
};

/**
 * Everything that would make a first deploy of this environment fail or misbehave, one line
 * each: schema problems (a certificate outside the API's region among them), ids still the
 * example environments', and VPC Lambdas with no way out of the VPC. Empty when it may deploy.
 */
export function preflightProblems(raw: unknown): string[] {
  const parsed = platformConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(root)';
      return `${path}: ${issue.message}${hints[path] ?? ''}`;
    });
  }
  const config = parsed.data;
  return [...exampleIdProblems(config), ...egressProblems(config)];
}

function exampleIdProblems(config: PlatformConfig): string[] {
  return idFields.flatMap(([path, values]) =>
    values(config)
      .filter((value) => exampleIds.has(value))
      .map(
        (value) =>
          `${path}: ${value} is the example environment's placeholder, not yours${hints[path] ?? ''}`,
      ),
  );
}

/** Lambdas placed in the VPC: every one but the authorizer (infra's lambda stack decides the same). */
const vpcLambdas = (): LambdaImageDefinition[] =>
  lambdaImages.filter((image) => image.imageName !== authorizerImage.imageName);

function egressProblems(config: PlatformConfig): string[] {
  const { natGateway, secretsManagerEndpoint } = config.vpc;
  if (natGateway) return [];
  const problems: string[] = [];
  const readingSecrets = vpcLambdas().filter((image) =>
    Object.values(image.runtime.aws).some((source) => 'secret' in source),
  );
  if (readingSecrets.length > 0 && !secretsManagerEndpoint) {
    problems.push(
      `vpc: ${readingSecrets.map((i) => i.lambdaApp).join(', ')} read Secrets Manager from the VPC, which has no NAT gateway and no endpoint: set natGateway: true (private subnets route to a NAT) or secretsManagerEndpoint: true`,
    );
  }
  for (const image of vpcLambdas()) {
    for (const source of Object.values(image.runtime.aws)) {
      if (!('config' in source)) continue;
      const value = platformConfigValue(config, source.config);
      if (value?.startsWith('https://')) {
        problems.push(
          `vpc.natGateway: ${image.lambdaApp} calls ${value} from the VPC, which has no NAT gateway: the internet is out of reach`,
        );
      }
    }
  }
  return problems;
}
