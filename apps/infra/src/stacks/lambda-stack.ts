import { lambdaStackKind, type LambdaImageDefinition } from '@tollgate/domain-registry';
import { CfnOutput, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { SecurityGroup, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Repository } from 'aws-cdk-lib/aws-ecr';
import { Role } from 'aws-cdk-lib/aws-iam';
import { Architecture, DockerImageCode, DockerImageFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { lambdaEnvironment } from '../lambdas/lambda-environment.js';
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
    const logGroup = new LogGroup(this, 'LogGroup', {
      logGroupName: deployment.functionLogGroupName(image.imageName),
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const fn = new DockerImageFunction(this, 'Function', {
      functionName,
      description: `${image.lambdaApp} from image ${imageTag}`,
      code: DockerImageCode.fromEcr(repository, { tagOrDigest: imageTag }),
      architecture: config.architecture === 'arm64' ? Architecture.ARM_64 : Architecture.X86_64,
      memorySize: settings.memorySize,
      timeout: Duration.seconds(settings.timeoutSeconds),
      role,
      vpc,
      vpcSubnets: { subnets: vpc.privateSubnets },
      securityGroups,
      logGroup,
      environment: lambdaEnvironment(image, config),
    });

    new CfnOutput(this, 'FunctionArn', {
      value: fn.functionArn,
      exportName: deployment.exports.functionArn(image.imageName),
    });
    new CfnOutput(this, 'ImageTag', { value: imageTag });
  }
}
