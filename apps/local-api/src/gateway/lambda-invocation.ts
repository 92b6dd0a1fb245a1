import type { Callback, Context } from 'aws-lambda';

/** A Lambda handler module's export, async or callback style. */
export type LambdaHandler = (event: never, context: Context, callback: Callback) => unknown;

/** How one invocation ended, as the Lambda service reports it to API Gateway. */
export type InvocationResult =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'threw'; readonly errorType: string; readonly errorMessage: string }
  | { readonly kind: 'timed-out' };

/** Lambda reports `Error('x')` as `{errorType:'Error', errorMessage:'x'}` and `'x'` as `x`. */
export function describeError(error: unknown): { errorType: string; errorMessage: string } {
  if (error instanceof Error) return { errorType: error.name, errorMessage: error.message };
  return { errorType: typeof error, errorMessage: String(error) };
}

export function lambdaContext(
  functionName: string,
  requestId: string,
  deadline: number,
  stage: { region: string; accountId: string },
): Context {
  const unsupported = () => {
    throw new Error('context.done/fail/succeed are not supported by the Node.js 20+ runtime');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${stage.region}:${stage.accountId}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/**
 * Invokes a handler the way the Node.js runtime does (a returned promise or the callback,
 * whichever settles first) and gives up after `timeoutMs` like API Gateway's integration
 * timeout. A handler that outlives the timeout keeps running: in-process code cannot be killed.
 */
export async function invokeLambda(
  handler: LambdaHandler,
  event: unknown,
  context: Context,
  timeoutMs: number,
): Promise<InvocationResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<InvocationResult>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out' }), timeoutMs);
  });
  const settled = new Promise<unknown>((resolve, reject) => {
    const callback: Callback = (error, value) => (error ? reject(error) : resolve(value));
    const returned = (handler as (e: unknown, c: Context, cb: Callback) => unknown)(
      event,
      context,
      callback,
    );
    if (returned instanceof Promise) returned.then(resolve, reject);
  }).then(
    (value): InvocationResult => ({ kind: 'returned', value }),
    (error: unknown): InvocationResult => ({ kind: 'threw', ...describeError(error) }),
  );
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
