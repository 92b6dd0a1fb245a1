import { authorizerOutcome } from './authorizer-outcome.js';
import type { InvocationResult } from './lambda-invocation.js';

const arn = 'arn:aws:execute-api:us-east-1:123456789012:t0llg4te1o/local/GET/resources';
const returned = (value: unknown): InvocationResult => ({ kind: 'returned', value });
const threw = (errorMessage: string, errorType = 'Error'): InvocationResult => ({
  kind: 'threw',
  errorType,
  errorMessage,
});
const policy = (Effect: 'Allow' | 'Deny', Resource = arn) => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect, Resource }],
});

describe('authorizerOutcome (API Gateway semantics)', () => {
  it('is a 401 only for the exact error message "Unauthorized"', () => {
    expect(authorizerOutcome(threw('Unauthorized'), arn, 1)).toEqual({ kind: 'unauthorized' });
    expect(authorizerOutcome(threw('Unauthorized', 'string'), arn, 1)).toEqual({
      kind: 'unauthorized',
    });
    for (const message of ['unauthorized', 'Unauthorized ', 'Unauthorized: bad key', 'Forbidden']) {
      expect(authorizerOutcome(threw(message), arn, 1).kind).toBe('failure');
    }
  });

  it('names only the error type of a failing authorizer, never its message', () => {
    expect(authorizerOutcome(threw('connect ECONNREFUSED db.internal:5432'), arn, 1)).toEqual({
      kind: 'failure',
      reason: 'authorizer failed: Error',
    });
  });

  it('fails (500) when the authorizer times out', () => {
    expect(authorizerOutcome({ kind: 'timed-out' }, arn, 1).kind).toBe('failure');
  });

  it('fails (500) on a result without principalId or policyDocument', () => {
    expect(authorizerOutcome(returned({ policyDocument: policy('Allow') }), arn, 1)).toMatchObject({
      kind: 'failure',
      reason: expect.stringContaining('principalId'),
    });
    expect(authorizerOutcome(returned({ principalId: 'p' }), arn, 1).kind).toBe('failure');
    expect(authorizerOutcome(returned(undefined), arn, 1).kind).toBe('failure');
    expect(
      authorizerOutcome(
        returned({
          principalId: 'p',
          policyDocument: { Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] },
        }),
        arn,
        1,
      ).kind,
    ).toBe('failure');
  });

  it('fails (500) on an object or array context value', () => {
    for (const value of [{ nested: 1 }, [1, 2]]) {
      const outcome = authorizerOutcome(
        returned({ principalId: 'p', policyDocument: policy('Allow'), context: { value } }),
        arn,
        1,
      );
      expect(outcome.kind).toBe('failure');
    }
  });

  it('denies (403) on an explicit Deny or on an Allow for another method ARN', () => {
    expect(
      authorizerOutcome(returned({ principalId: '42-7', policyDocument: policy('Deny') }), arn, 1),
    ).toEqual({
      kind: 'deny',
      principalId: '42-7',
      explicit: true,
    });
    expect(
      authorizerOutcome(
        returned({ principalId: '42-7', policyDocument: policy('Allow', `${arn}/other`) }),
        arn,
        1,
      ),
    ).toEqual({
      kind: 'deny',
      principalId: '42-7',
      explicit: false,
    });
  });

  it('allows with the context stringified, null kept, undefined dropped, principalId added', () => {
    const outcome = authorizerOutcome(
      returned({
        principalId: '42-7',
        policyDocument: {
          Version: '2012-10-17',
          Statement: { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: arn },
        },
        context: { companyId: 42, userId: '7', admin: true, none: null, gone: undefined },
        usageIdentifierKey: 'tgu_whatever',
      }),
      arn,
      3,
    );
    expect(outcome).toEqual({
      kind: 'allow',
      principalId: '42-7',
      context: {
        companyId: '42',
        userId: '7',
        admin: 'true',
        none: null,
        principalId: '42-7',
        integrationLatency: 3,
      },
      usageIdentifierKey: 'tgu_whatever',
    });
  });

  it('allows with no context at all', () => {
    expect(
      authorizerOutcome(
        returned({ principalId: 'p', policyDocument: policy('Allow', '*') }),
        arn,
        0,
      ),
    ).toEqual({
      kind: 'allow',
      principalId: 'p',
      context: { principalId: 'p', integrationLatency: 0 },
      usageIdentifierKey: undefined,
    });
  });
});
