import type { DeployEnvironment } from './deploy-environment.js';

/** `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`, the `ImageUri` Lambda runs. */
export function ecrImageUri(
  {
    account,
    region,
    repositoryName,
  }: Pick<DeployEnvironment, 'account' | 'region' | 'repositoryName'>,
  tag: string,
): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${account}.dkr.ecr.${region}.${domain}/${repositoryName}:${tag}`;
}
