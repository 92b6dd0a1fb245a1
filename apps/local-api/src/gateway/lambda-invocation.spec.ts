import type { Callback, Context } from 'aws-lambda';
import { type LambdaHandler, invokeLambda, lambdaContext } from './lambda-invocation.js';

const context = lambdaContext('fn', 'req-1', Date.now() + 1000, {
  region: 'us-east-1',
  accountId: '123456789012',
});
const handler = (fn: (event: unknown, context: Context, callback: Callback) => unknown) =>
  fn as unknown as LambdaHandler;

describe('invokeLambda', () => {
  it('returns what an async handler resolves to', async () => {
    await expect(
      invokeLambda(
        handler(async (event) => ({ echo: event })),
        'x',
        context,
        1000,
      ),
    ).resolves.toEqual({
      kind: 'returned',
      value: { echo: 'x' },
    });
  });

  it('returns what a callback-style handler passes to the callback', async () => {
    const result = await invokeLambda(
      handler((_e, _c, cb) => void setImmediate(() => cb(null, 7))),
      null,
      context,
      1000,
    );
    expect(result).toEqual({ kind: 'returned', value: 7 });
  });

  it('reports thrown errors, rejected promises and callback errors as Lambda does', async () => {
    const thrown = handler(() => {
      throw new TypeError('boom');
    });
    const rejected = handler(async () => {
      throw new Error('Unauthorized');
    });
    const called = handler((_e, _c, cb) => cb('Unauthorized'));
    await expect(invokeLambda(thrown, null, context, 1000)).resolves.toEqual({
      kind: 'threw',
      errorType: 'TypeError',
      errorMessage: 'boom',
    });
    await expect(invokeLambda(rejected, null, context, 1000)).resolves.toEqual({
      kind: 'threw',
      errorType: 'Error',
      errorMessage: 'Unauthorized',
    });
    await expect(invokeLambda(called, null, context, 1000)).resolves.toEqual({
      kind: 'threw',
      errorType: 'string',
      errorMessage: 'Unauthorized',
    });
  });

  it('gives up after the timeout', async () => {
    const never = handler(() => new Promise(() => undefined));
    await expect(invokeLambda(never, null, context, 20)).resolves.toEqual({ kind: 'timed-out' });
  });

  it('gives the handler a context that names the function and counts down', () => {
    expect(context).toMatchObject({
      functionName: 'fn',
      awsRequestId: 'req-1',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    });
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(1000);
  });
});
