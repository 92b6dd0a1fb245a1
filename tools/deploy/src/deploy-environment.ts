import { loadConfig, PlatformConfigError, type PlatformConfig } from '@tollgate/platform-config';
import { DeployError } from './deploy-error.js';

/** What shipping to one environment needs, taken from the platform config for it. */
export interface DeployEnvironment {
  /** `dev`, `prod`: the `-c env=` of every cdk command. */
  readonly name: string;
  /** First part of every stack and function name: `<project>-<env>-…`. */
  readonly project: string;
  readonly account: string;
  readonly region: string;
  /** The ECR repository holding every image; tags are `<repositoryName>-<image>-<git-sha>`. */
  readonly repositoryName: string;
  readonly architecture: PlatformConfig['architecture'];
}

/** Picks the facts the tools use from one environment's platform config. */
export function deployEnvironmentFrom(envName: string, config: PlatformConfig): DeployEnvironment {
  const { project, account, region, repository, architecture } = config;
  return { name: envName, project, account, region, repositoryName: repository.name, architecture };
}

export function loadDeployEnvironment(envName: string): DeployEnvironment {
  try {
    return deployEnvironmentFrom(envName, loadConfig(envName));
  } catch (error) {
    if (!(error instanceof PlatformConfigError)) throw error;
    throw new DeployError(`DEPLOY_ENV=${envName}: ${error.message}`);
  }
}
