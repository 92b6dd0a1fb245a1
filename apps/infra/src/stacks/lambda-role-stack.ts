import { lambdaImages, secretsReadBy, type LambdaImageDefinition } from '@tollgate/domain-registry';
import { secretResourceName } from '@tollgate/platform-config';
import { ArnFormat, CfnOutput, Validations } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';

/**
 * One role per Lambda: each reads exactly the secrets its registry contract declares, manages
 * its VPC network interfaces and writes to its own log group. Nothing else.
 */
export class LambdaRoleStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'lambda-role', { deployment, description: 'Tollgate: IAM roles of the Lambdas' });
    for (const image of lambdaImages) this.addRole(deployment, image);
  }

  private addRole(
    deployment: Deployment,
    { imageName, lambdaApp, runtime }: LambdaImageDefinition,
  ) {
    const secretArns = secretsReadBy(runtime).map((secret) =>
      // `-??????` is the random suffix Secrets Manager appends to every secret's ARN.
      this.localArn(
        'secretsmanager',
        'secret',
        `${secretResourceName(deployment.config, secret)}-??????`,
        ArnFormat.COLON_RESOURCE_NAME,
      ),
    );
    const logGroupName = deployment.functionLogGroupName(imageName);
    const statements = [
      new PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [
          this.localArn('logs', 'log-group', `${logGroupName}:*`, ArnFormat.COLON_RESOURCE_NAME),
        ],
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
    ];
    if (secretArns.length > 0) {
      statements.unshift(
        new PolicyStatement({
          sid: 'ReadOwnSecrets',
          actions: ['secretsmanager:GetSecretValue'],
          resources: secretArns,
        }),
      );
    }

    const role = new Role(this, `${imageName}-role`, {
      roleName: `${deployment.prefix}-lambda-${imageName}`,
      description: `Runs the Tollgate ${lambdaApp}`,
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { lambda: new PolicyDocument({ statements }) },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The EC2 network-interface actions Lambda needs in a VPC support no resource-level scoping (Describe*) or take ENIs created at run time.',
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:${logGroupName}:*]`,
      reason:
        'Lambda names log streams at run time; the wildcard covers the streams of this one function log group only.',
    });
    new CfnOutput(this, `${imageName}-role-arn`, {
      value: role.roleArn,
      exportName: deployment.exports.lambdaRoleArn(imageName),
    });
  }
}
