import { CfnOutput } from 'aws-cdk-lib';
import { DomainName, EndpointType, SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { ApiGatewayDomain } from 'aws-cdk-lib/aws-route53-targets';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';

/** The API's public name: a REGIONAL custom domain and its Route53 alias. */
export class CustomDomainStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'custom-domain', {
      deployment,
      description: 'Tollgate: API custom domain and DNS alias',
    });
    const { domainName, hostedZoneId, hostedZoneName, certificateArn } = deployment.config.domain;

    const domain = new DomainName(this, 'DomainName', {
      domainName,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    new ARecord(this, 'AliasRecord', {
      zone: HostedZone.fromHostedZoneAttributes(this, 'HostedZone', {
        hostedZoneId,
        zoneName: hostedZoneName,
      }),
      recordName: domainName,
      target: RecordTarget.fromAlias(new ApiGatewayDomain(domain)),
    });

    new CfnOutput(this, 'DomainNameOutput', {
      value: domain.domainName,
      exportName: deployment.exports.domainName,
    });
  }
}
