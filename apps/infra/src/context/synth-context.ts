import { imageTag, imageTagContextKey, isImageTagOf } from '@tollgate/domain-registry';
import { PlatformConfigError } from '@tollgate/platform-config';

/** Reads one context value as the CDK app sees it (`app.node.tryGetContext`). */
export type ContextReader = (key: string) => unknown;

export { imageTagContextKey };

export function requireContextString(read: ContextReader, key: string, hint: string): string {
  const value = read(key);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PlatformConfigError(`Missing context ${key}: pass -c ${key}=${hint}`);
  }
  return value.trim();
}

/**
 * The image tag a Lambda stack deploys, `<repo-name>-<image-name>-<git-sha>`, from
 * `-c imageTag.<image-name>=…`. Only instantiated Lambda stacks ask for theirs.
 */
export function requireImageTag(
  read: ContextReader,
  repositoryName: string,
  imageName: string,
): string {
  const key = imageTagContextKey(imageName);
  const expected = imageTag(repositoryName, imageName, '<git-sha>');
  const tag = requireContextString(read, key, expected);
  if (!isImageTagOf(repositoryName, imageName, tag)) {
    throw new PlatformConfigError(
      `Invalid context ${key}="${tag}": expected ${expected} (7 to 40 lowercase hex characters)`,
    );
  }
  return tag;
}
