import { lambdaImages } from '@tollgate/domain-registry';
import { ArnFormat, CfnOutput, Validations } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';

/**
 * The one role every Lambda runs as: reads exactly the configured secrets, manages its VPC
 * network interfaces and writes to its own log groups. Nothing else.
 */
export class LambdaRoleStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'lambda-role', { deployment, description: 'Tollgate: IAM role of the Lambdas' });
    const { secrets, apiKeyShards } = deployment.config;

    // A sharded key map lives in `<apiKeys>/shard-000` … (see libs/authz's sharding).
    const secretNames = Object.entries(secrets).map(([purpose, name]) =>
      purpose === 'apiKeys' && apiKeyShards !== undefined ? `${name}/shard-???` : name,
    );
    const secretArns = secretNames.map((name) =>
      // `-??????` is the random suffix Secrets Manager appends to every secret's ARN.
      this.localArn('secretsmanager', 'secret', `${name}-??????`, ArnFormat.COLON_RESOURCE_NAME),
    );
    const logStreamArns = lambdaImages.map(({ imageName }) =>
      this.localArn(
        'logs',
        'log-group',
        `${deployment.functionLogGroupName(imageName)}:*`,
        ArnFormat.COLON_RESOURCE_NAME,
      ),
    );

    const role = new Role(this, 'Role', {
      roleName: `${deployment.prefix}-lambda`,
      description: 'Runs the Tollgate Lambdas',
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: {
        lambda: new PolicyDocument({
          statements: [
            new PolicyStatement({
              sid: 'ReadPlatformSecrets',
              actions: ['secretsmanager:GetSecretValue'],
              resources: secretArns,
            }),
            new PolicyStatement({
              sid: 'WriteOwnLogs',
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: logStreamArns,
            }),
            new PolicyStatement({
              sid: 'ManageVpcNetworkInterfaces',
              // The same actions as AWSLambdaVPCAccessExecutionRole, without its log wildcard.
              actions: [
                'ec2:CreateNetworkInterface',
                'ec2:DescribeNetworkInterfaces',
                'ec2:DescribeSubnets',
                'ec2:DeleteNetworkInterface',
                'ec2:AssignPrivateIpAddresses',
                'ec2:UnassignPrivateIpAddresses',
              ],
              resources: ['*'],
            }),
          ],
        }),
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The EC2 network-interface actions Lambda needs in a VPC support no resource-level scoping (Describe*) or take ENIs created at run time.',
    });
    for (const { imageName } of lambdaImages) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:${deployment.functionLogGroupName(imageName)}:*]`,
        reason:
          'Lambda names log streams at run time; the wildcard covers the streams of this one function log group only.',
      });
    }

    new CfnOutput(this, 'RoleArn', {
      value: role.roleArn,
      exportName: deployment.exports.lambdaRoleArn,
    });
  }
}
