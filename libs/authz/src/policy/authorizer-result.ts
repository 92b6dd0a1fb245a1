/** A statement of the IAM policy a Lambda authorizer returns (structurally API Gateway's shape). */
export interface PolicyStatement {
  readonly Action: 'execute-api:Invoke';
  readonly Effect: 'Allow' | 'Deny';
  readonly Resource: string | string[];
}

/**
 * The Lambda REQUEST authorizer response. Context values are primitives only: API Gateway
 * answers 500 for an object or array, and hands every value to the backend as a string.
 */
export interface AuthorizerResult {
  principalId: string;
  policyDocument: { Version: '2012-10-17'; Statement: PolicyStatement[] };
  context?: Record<string, string | number | boolean>;
  usageIdentifierKey?: string;
}
