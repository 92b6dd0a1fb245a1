import { Arn, ArnFormat, Aws, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';

export interface PlatformStackProps {
  readonly deployment: Deployment;
  readonly description: string;
}

/** Base of every stack: explicit account and region from config, names from the deployment. */
export abstract class PlatformStack extends Stack {
  readonly deployment: Deployment;

  constructor(scope: Construct, kind: string, { deployment, description }: PlatformStackProps) {
    const { account, region } = deployment.config;
    const stackName = deployment.stackName(kind);
    super(scope, stackName, {
      stackName,
      description,
      env: { account, region },
    } satisfies StackProps);
    this.deployment = deployment;
  }

  /**
   * An ARN in this stack's account, region and partition, written with pseudo parameters so that
   * no template carries a literal ARN (only the names come from config).
   */
  protected localArn(
    service: string,
    resource: string,
    resourceName: string,
    arnFormat: ArnFormat,
  ): string {
    return Arn.format({
      partition: Aws.PARTITION,
      region: Aws.REGION,
      account: Aws.ACCOUNT_ID,
      service,
      resource,
      resourceName,
      arnFormat,
    });
  }
}
