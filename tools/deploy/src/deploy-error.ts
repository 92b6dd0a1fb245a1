/**
 * A failure the deploy and rollback commands report as one line and a non-zero exit: bad
 * input or configuration, a command that failed, an AWS operation that did not complete.
 */
export class DeployError extends Error {
  override readonly name = 'DeployError';
}
