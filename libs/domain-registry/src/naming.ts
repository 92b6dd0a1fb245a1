/**
 * Physical names the infra app creates and the deploy tools address. Both compute them here, so
 * a deploy or a rollback can never aim at a stack, function or tag the infra app did not make.
 */

/** `<project>-<env>`: the prefix of every stack, function, role, API and export name. */
export function resourcePrefix(project: string, envName: string): string {
  return `${project}-${envName}`;
}

/** `<project>-<env>-<kind>`, e.g. `tollgate-dev-lambda-resources`. */
export function stackName(project: string, envName: string, kind: string): string {
  return `${resourcePrefix(project, envName)}-${kind}`;
}

/** The stack kind of one Lambda image: `lambda-<image>`, also the FeatureSet deploying it alone. */
export const lambdaStackKind = (imageName: string) => `lambda-${imageName}` as const;

/** `<project>-<env>-<image>`, e.g. `tollgate-dev-resources`. */
export function lambdaFunctionName(project: string, envName: string, imageName: string): string {
  return `${resourcePrefix(project, envName)}-${imageName}`;
}

/** `/aws/lambda/<function>`: where a Lambda's lines (request lines included) are logged. */
export function lambdaLogGroupName(project: string, envName: string, imageName: string): string {
  return `/aws/lambda/${lambdaFunctionName(project, envName, imageName)}`;
}

/** The git part of an image tag: an abbreviated or full commit id. */
export const gitShaPattern = /^[0-9a-f]{7,40}$/;

/** `<repo-name>-<image>-<git-sha>`: one repository holds every image, told apart by tag. */
export function imageTag(repositoryName: string, imageName: string, gitSha: string): string {
  return `${repositoryName}-${imageName}-${gitSha}`;
}

/** Whether `tag` is one of `imageName`'s tags in this repository (7 to 40 hex digits of commit). */
export function isImageTagOf(repositoryName: string, imageName: string, tag: string): boolean {
  const prefix = imageTag(repositoryName, imageName, '');
  return tag.startsWith(prefix) && gitShaPattern.test(tag.slice(prefix.length));
}

/** The CDK context key carrying a Lambda stack's tag: `-c imageTag.<image>=<tag>`. */
export const imageTagContextKey = (imageName: string) => `imageTag.${imageName}`;
