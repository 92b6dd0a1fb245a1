import { CfnOutput, Validations } from 'aws-cdk-lib';
import {
  InterfaceVpcEndpoint,
  InterfaceVpcEndpointAwsService,
  Peer,
  Port,
  SecurityGroup,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';

/**
 * A Secrets Manager interface endpoint in the Lambdas' private subnets, for a VPC without a NAT
 * route to the public endpoint (config `vpc.secretsManagerEndpoint`). Private DNS makes the
 * SDK's usual host name resolve to it, so the Lambdas need no change.
 */
export class NetworkStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'network', {
      deployment,
      description: 'Tollgate: Secrets Manager interface endpoint for the VPC Lambdas',
    });
    const { vpc: network } = deployment.config;
    const vpc = Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: network.vpcId,
      availabilityZones: network.availabilityZones,
      privateSubnetIds: network.privateSubnetIds,
    });
    Validations.of(vpc).acknowledge({
      id: 'Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId',
      reason:
        'An interface endpoint only places network interfaces in these subnets; route tables stay with the VPC owner.',
    });

    const endpointSecurityGroup = new SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc,
      description: 'HTTPS from the Tollgate Lambdas to the Secrets Manager endpoint',
      allowAllOutbound: false,
    });
    for (const lambdaGroupId of network.securityGroupIds) {
      endpointSecurityGroup.addIngressRule(
        Peer.securityGroupId(lambdaGroupId),
        Port.tcp(443),
        `HTTPS from ${lambdaGroupId}`,
      );
    }
    const endpoint = new InterfaceVpcEndpoint(this, 'SecretsManagerEndpoint', {
      vpc,
      service: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      subnets: { subnets: vpc.privateSubnets },
      securityGroups: [endpointSecurityGroup],
      privateDnsEnabled: true,
      open: false,
    });

    new CfnOutput(this, 'SecretsManagerEndpointId', { value: endpoint.vpcEndpointId });
  }
}
