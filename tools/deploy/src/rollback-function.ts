import {
  GetFunctionCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionUpdatedV2,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { DeployError } from './deploy-error.js';
import type { RollbackTarget } from './rollback-request.js';

export interface WaitOptions {
  readonly maxWaitSeconds: number;
  /** Polling backoff bounds (seconds); the defaults suit real functions, tests shorten them. */
  readonly minDelaySeconds?: number;
  readonly maxDelaySeconds?: number;
}

export interface RollbackResult {
  readonly functionName: string;
  readonly imageUri: string;
  /** The digest Lambda resolved the tag to, as GetFunction reports it. */
  readonly resolvedImageUri: string | undefined;
}

/**
 * Points the function at `imageUri` with one `UpdateFunctionCode`, then waits until
 * `LastUpdateStatus` is `Successful` (the new code is what runs). Any other outcome — the call
 * refused, the update failing, the wait running out — is a `DeployError` saying which.
 */
export async function rollbackFunction(
  client: LambdaClient,
  { functionName, imageUri }: RollbackTarget,
  { maxWaitSeconds, minDelaySeconds = 2, maxDelaySeconds = 10 }: WaitOptions,
): Promise<RollbackResult> {
  try {
    await client.send(
      new UpdateFunctionCodeCommand({ FunctionName: functionName, ImageUri: imageUri }),
    );
  } catch (error) {
    const { name, message } = error as Error;
    throw new DeployError(`UpdateFunctionCode on ${functionName} refused: ${name}: ${message}`);
  }

  try {
    await waitUntilFunctionUpdatedV2(
      { client, maxWaitTime: maxWaitSeconds, minDelay: minDelaySeconds, maxDelay: maxDelaySeconds },
      { FunctionName: functionName },
    );
  } catch {
    // The waiter's own error is a JSON dump; one more read says plainly where the update stands.
    const { Configuration } = await client
      .send(new GetFunctionCommand({ FunctionName: functionName }))
      .catch(() => ({ Configuration: undefined }));
    const status = Configuration?.LastUpdateStatus ?? 'unknown';
    const reason = Configuration?.LastUpdateStatusReason;
    throw new DeployError(
      status === 'InProgress'
        ? `${functionName} is still updating after ${maxWaitSeconds} s; check it with: aws lambda get-function --function-name ${functionName}`
        : `${functionName} did not take ${imageUri}: LastUpdateStatus ${status}${reason ? ` (${reason})` : ''}`,
    );
  }

  const { Code } = await client.send(new GetFunctionCommand({ FunctionName: functionName }));
  return { functionName, imageUri, resolvedImageUri: Code?.ResolvedImageUri };
}
