import { z } from 'zod';
import type { InvocationResult } from './lambda-invocation.js';
import { evaluatePolicy } from './policy-evaluation.js';

/** `requestContext.authorizer` as the backend receives it: values stringified, `principalId` added. */
export type AuthorizerContext = Record<string, string | number | null>;

export type AuthorizerOutcome =
  | {
      readonly kind: 'allow';
      readonly principalId: string;
      readonly context: AuthorizerContext;
      /** The API key the request is counted under (usage plans), if the authorizer named one. */
      readonly usageIdentifierKey: string | undefined;
    }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'deny'; readonly principalId: string; readonly explicit: boolean }
  | { readonly kind: 'failure'; readonly reason: string };

const stringOrList = z.union([z.string(), z.array(z.string())]);
const statementSchema = z.object({
  Effect: z.enum(['Allow', 'Deny']),
  Action: stringOrList,
  Resource: stringOrList,
});
// API Gateway only accepts primitive context values; an object or array is a 500.
const contextValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]);
const authorizerResultSchema = z.object({
  principalId: z.string(),
  policyDocument: z.object({
    Version: z.string().optional(),
    Statement: z.union([statementSchema, z.array(statementSchema)]),
  }),
  context: z.record(z.string(), contextValue).nullish(),
  usageIdentifierKey: z.string().nullish(),
});

function stringify(context: Record<string, string | number | boolean | null | undefined>) {
  const result: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined) result[key] = value === null ? null : String(value);
  }
  return result;
}

/**
 * What API Gateway makes of an authorizer invocation for the request's `methodArn`: only the
 * exact error message `Unauthorized` is a 401; any other error, a malformed result or a
 * non-primitive context value is a 500; a policy without an Allow for the ARN is a 403.
 */
export function authorizerOutcome(
  invocation: InvocationResult,
  methodArn: string,
  integrationLatency: number,
): AuthorizerOutcome {
  if (invocation.kind === 'timed-out') return { kind: 'failure', reason: 'authorizer timed out' };
  if (invocation.kind === 'threw') {
    return invocation.errorMessage === 'Unauthorized'
      ? { kind: 'unauthorized' }
      : {
          kind: 'failure',
          // The error type only: a message can carry driver text (SQL, hosts, secrets).
          reason: `authorizer failed: ${invocation.errorType}`,
        };
  }
  const parsed = authorizerResultSchema.safeParse(invocation.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'failure',
      reason: `malformed authorizer result at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const { principalId, policyDocument, context, usageIdentifierKey } = parsed.data;
  const statements = Array.isArray(policyDocument.Statement)
    ? policyDocument.Statement
    : [policyDocument.Statement];
  const decision = evaluatePolicy(statements, methodArn);
  if (decision !== 'allow') {
    return { kind: 'deny', principalId, explicit: decision === 'explicit-deny' };
  }
  return {
    kind: 'allow',
    principalId,
    context: { ...stringify(context ?? {}), principalId, integrationLatency },
    usageIdentifierKey: usageIdentifierKey ?? undefined,
  };
}
