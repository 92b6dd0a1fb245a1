import type { DeployEnvironment } from './deploy-environment.js';

/** `<repo-name>-<image-name>-<git-sha>`: one repository holds every image, told apart by tag. */
export function imageTag(repositoryName: string, imageName: string, gitSha: string): string {
  return `${repositoryName}-${imageName}-${gitSha}`;
}

/** Whether `tag` is one of `imageName`'s tags in this repository (7 to 40 hex digits of commit). */
export function isImageTagOf(repositoryName: string, imageName: string, tag: string): boolean {
  const prefix = `${repositoryName}-${imageName}-`;
  return tag.startsWith(prefix) && /^[0-9a-f]{7,40}$/.test(tag.slice(prefix.length));
}

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
