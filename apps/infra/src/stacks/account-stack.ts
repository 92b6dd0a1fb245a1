import { CfnOutput, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';

/**
 * API Gateway's per-account, per-region setting: the role it logs to CloudWatch with. Without it,
 * creating a stage with access or execution logging fails on a fresh account or region, so every
 * FeatureSet holding the REST API holds this stack too. Two environments in one account and
 * region point the setting at their own, equivalent role; the last deployed wins.
 */
export class AccountStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'account', {
      deployment,
      description: 'Tollgate: API Gateway account settings (CloudWatch logging role)',
    });

    const role = new Role(this, 'ApiGatewayCloudWatchRole', {
      description: 'Lets API Gateway write access and execution logs in this account and region',
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      managedPolicies: [
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
      ],
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The AWS-managed policy AWS documents for the API Gateway account role; API Gateway creates log groups named after API ids it picks at run time.',
    });
    // Retain on delete: the account setting outlives any one environment's stack, and a role
    // that vanished under it would break every other API's logging in the region.
    role.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);

    const account = new CfnAccount(this, 'ApiGatewayAccount', {
      cloudWatchRoleArn: role.roleArn,
    });
    account.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);

    new CfnOutput(this, 'CloudWatchRoleArn', { value: role.roleArn });
  }
}
