import {
  lambdaFunctionName,
  lambdaLogGroupName,
  resourcePrefix,
  stackName,
} from '@tollgate/domain-registry';
import type { PlatformConfig } from '@tollgate/platform-config';

/** One environment's validated config plus every physical name derived from it. */
export class Deployment {
  /** `<project>-<env>`: the prefix of stack, function, role, API and export names. */
  readonly prefix: string;

  constructor(
    readonly envName: string,
    readonly config: PlatformConfig,
  ) {
    this.prefix = resourcePrefix(config.project, envName);
  }

  stackName(kind: string): string {
    return stackName(this.config.project, this.envName, kind);
  }

  /** The REST API's name, also the `ApiName` dimension the alarms watch. */
  get restApiName(): string {
    return this.prefix;
  }

  functionName(imageName: string): string {
    return lambdaFunctionName(this.config.project, this.envName, imageName);
  }

  functionLogGroupName(imageName: string): string {
    return lambdaLogGroupName(this.config.project, this.envName, imageName);
  }

  /** Names of the CloudFormation exports that carry values between stacks. */
  get exports() {
    const name = (key: string) => `${this.prefix}-${key}`;
    return {
      repositoryArn: name('repository-arn'),
      repositoryName: name('repository-name'),
      lambdaRoleArn: (imageName: string) => name(`lambda-${imageName}-role-arn`),
      functionArn: (imageName: string) => name(`lambda-${imageName}-arn`),
      domainName: name('custom-domain-name'),
    };
  }
}
