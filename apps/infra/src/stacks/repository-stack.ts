import { imageTag, lambdaImages } from '@tollgate/domain-registry';
import { ArnFormat, CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import { Repository, TagMutability } from 'aws-cdk-lib/aws-ecr';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';

/** The ECR repository every Lambda image lives in, tagged `<repo-name>-<image-name>-<git-sha>`. */
export class RepositoryStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'repository', {
      deployment,
      description: 'Tollgate: ECR repository of the Lambda images',
    });
    const { name, maxImageCount } = deployment.config.repository;

    const repository = new Repository(this, 'Repository', {
      repositoryName: name,
      // A tag names one commit's build: it never moves, so rollback to it is exact.
      imageTagMutability: TagMutability.IMMUTABLE,
      imageScanOnPush: true,
      // Kept when the stack is deleted or replaced, but removed when its first create rolls
      // back: a plain Retain would leave a repository every retry then fails on as "already exists".
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      // One rule per image: a rarely rebuilt image keeps its own N newest tags (the deployed one
      // among them) instead of being pushed out by another image's frequent builds.
      lifecycleRules: lambdaImages.map(({ imageName }, index) => ({
        rulePriority: index + 1,
        description: `keep the newest ${maxImageCount} ${imageName} images for rollback`,
        tagPrefixList: [imageTag(name, imageName, '')],
        maxImageCount,
      })),
    });
    repository.addToResourcePolicy(
      new PolicyStatement({
        sid: 'LambdaPullsPlatformImages',
        principals: [new ServicePrincipal('lambda.amazonaws.com')],
        actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        conditions: {
          StringLike: {
            'aws:SourceArn': this.localArn(
              'lambda',
              'function',
              `${deployment.prefix}-*`,
              ArnFormat.COLON_RESOURCE_NAME,
            ),
          },
        },
      }),
    );

    new CfnOutput(this, 'RepositoryArn', {
      value: repository.repositoryArn,
      exportName: deployment.exports.repositoryArn,
    });
    new CfnOutput(this, 'RepositoryName', {
      value: repository.repositoryName,
      exportName: deployment.exports.repositoryName,
    });
  }
}
