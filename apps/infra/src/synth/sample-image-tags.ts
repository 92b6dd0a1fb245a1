import { imageTag, imageTagContextKey, lambdaImages } from '@tollgate/domain-registry';

/** A fixed commit, so that synthesizing without real builds is deterministic. */
export const sampleGitSha = '0123456789abcdef0123456789abcdef01234567';

/** `-c imageTag.<image>=<repo>-<image>-<sha>` for every Lambda image, as context entries. */
export function sampleImageTagContext(
  repositoryName: string,
  gitSha = sampleGitSha,
): Record<string, string> {
  return Object.fromEntries(
    lambdaImages.map(({ imageName }) => [
      imageTagContextKey(imageName),
      imageTag(repositoryName, imageName, gitSha),
    ]),
  );
}
