import {
  authorizerImage,
  lambdaStackKind,
  type LambdaImageDefinition,
} from '@tollgate/domain-registry';
import { CfnOutput, Duration, Fn, Validations } from 'aws-cdk-lib';
import { SecurityGroup, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Repository } from 'aws-cdk-lib/aws-ecr';
import { Role } from 'aws-cdk-lib/aws-iam';
import { Architecture, DockerImageCode, DockerImageFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { lambdaEnvironment } from '../lambdas/lambda-environment.js';
import { platformLogGroup } from '../logs/platform-log-group.js';
import { PlatformStack } from './platform-stack.js';

export interface LambdaStackProps {
  readonly image: LambdaImageDefinition;
  /** `<repo-name>-<image-name>-<git-sha>`, validated by the caller. */
  readonly imageTag: string;
}

/**
 * One Lambda from its container image, alone in its stack so that shipping one app is
 * `cdk deploy <this stack> --exclusively` with that app's new tag.
 */
export class LambdaStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment, { image, imageTag }: LambdaStackProps) {
    super(scope, lambdaStackKind(image.imageName), {
      deployment,
      description: `Tollgate: ${image.lambdaApp} Lambda`,
    });
    const { config } = deployment;
    const settings = config.lambdas[image.imageName];
    if (settings === undefined) throw new Error(`config has no lambdas.${image.imageName}`);

    const repository = Repository.fromRepositoryAttributes(this, 'Repository', {
      repositoryArn: Fn.importValue(deployment.exports.repositoryArn),
      repositoryName: Fn.importValue(deployment.exports.repositoryName),
    });
    const role = Role.fromRoleArn(
      this,
      'Role',
      Fn.importValue(deployment.exports.lambdaRoleArn(image.imageName)),
      {
        mutable: false,
      },
    );
    const vpc = Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: config.vpc.vpcId,
      availabilityZones: config.vpc.availabilityZones,
      privateSubnetIds: config.vpc.privateSubnetIds,
    });
    Validations.of(vpc).acknowledge({
      id: 'Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId',
      reason:
        'The Lambda only places network interfaces in these subnets; route tables stay with the VPC owner.',
    });
    const securityGroups = config.vpc.securityGroupIds.map((id) =>
      SecurityGroup.fromSecurityGroupId(this, id, id, { mutable: false }),
    );
    const functionName = deployment.functionName(image.imageName);
    const logGroup = platformLogGroup(this, 'LogGroup', {
      logGroupName: deployment.functionLogGroupName(image.imageName),
      retention: config.logRetentionDays,
    });
    // The authorizer reads only Secrets Manager, over its public endpoint: outside the VPC it
    // needs no NAT or endpoint and skips attaching a network interface.
    const inVpc = image.imageName !== authorizerImage.imageName;

    const fn = new DockerImageFunction(this, 'Function', {
      functionName,
      description: `${image.lambdaApp} from image ${imageTag}`,
      code: DockerImageCode.fromEcr(repository, { tagOrDigest: imageTag }),
      architecture: config.architecture === 'arm64' ? Architecture.ARM_64 : Architecture.X86_64,
      memorySize: settings.memorySize,
      timeout: Duration.seconds(settings.timeoutSeconds),
      ...(settings.reservedConcurrency === undefined
        ? {}
        : { reservedConcurrentExecutions: settings.reservedConcurrency }),
      role,
      ...(inVpc ? { vpc, vpcSubnets: { subnets: vpc.privateSubnets }, securityGroups } : {}),
      logGroup,
      environment: lambdaEnvironment(image, config, deployment.envName),
    });

    if (!inVpc) {
      Validations.of(fn).acknowledge({
        id: 'cdk-validator-cfnguard::lambda_inside_vpc_check',
        reason:
          'The authorizer talks only to Secrets Manager, which IAM guards; in a VPC it would need a NAT gateway or an interface endpoint and gain no protection.',
      });
    }

    new CfnOutput(this, 'FunctionArn', {
      value: fn.functionArn,
      exportName: deployment.exports.functionArn(image.imageName),
    });
    new CfnOutput(this, 'ImageTag', { value: imageTag });
  }
}
