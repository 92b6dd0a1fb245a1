import type { Decision } from '../decision/decide.js';
import type { AuthorizerResult, PolicyStatement } from './authorizer-result.js';
import { grantedArns } from './granted-arns.js';

/**
 * What the policy's Resource covers:
 * - `method-arn` (default): exactly the request's `methodArn`. Correct when API Gateway's
 *   authorizer result cache is off (TTL 0), which is what lets every request be judged on its
 *   own method, path and query.
 * - `granted-arns`: every ARN the key is granted (`{name}` → `*`), plus an explicit Deny of this
 *   request's ARN when it was denied. Use only with a result cache TTL > 0, where one cached
 *   policy answers the key's later requests to other paths.
 */
export type PolicyResource = 'method-arn' | 'granted-arns';

export interface PolicyRequest {
  readonly methodArn: string;
}

/** The authorizer response for a known key: Allow or Deny for `execute-api:Invoke`. */
export function buildPolicy(
  decision: Exclude<Decision, { effect: 'Unknown' }>,
  request: PolicyRequest,
  resource: PolicyResource = 'method-arn',
): AuthorizerResult {
  const { key } = decision;
  const allowed = decision.effect === 'Allow' ? [request.methodArn] : [];
  if (resource === 'granted-arns') allowed.push(...grantedArns(request.methodArn, key.grants));
  const statements: PolicyStatement[] = [];
  // An explicit Deny outranks any Allow, so a cached granted-arns policy keeps denying this ARN.
  if (decision.effect === 'Deny') statements.push(statement('Deny', [request.methodArn]));
  if (allowed.length > 0) statements.push(statement('Allow', [...new Set(allowed)]));

  if (decision.effect === 'Deny') {
    return {
      principalId: key.principalId,
      policyDocument: { Version: '2012-10-17', Statement: statements },
      context: { companyId: key.companyId, userId: key.userId, reason: decision.reason },
    };
  }
  return {
    principalId: key.principalId,
    policyDocument: { Version: '2012-10-17', Statement: statements },
    // A pinned key tells the router which version to serve when the request names none.
    context:
      key.apiVersion === undefined
        ? { companyId: key.companyId, userId: key.userId }
        : { companyId: key.companyId, userId: key.userId, apiVersion: key.apiVersion },
    // Never the key itself: API Gateway would then have to hold every plaintext key as an API key.
    usageIdentifierKey: key.usageIdentifierKey,
  };
}

/** The policy when no key map is available: deny, with a reason a gateway response can show. */
export function unavailablePolicy(methodArn: string): AuthorizerResult {
  return {
    principalId: 'unavailable',
    policyDocument: { Version: '2012-10-17', Statement: [statement('Deny', [methodArn])] },
    context: { reason: 'key-map-unavailable' },
  };
}

/** One resource as a plain string (the form most examples and tools expect), several as a list. */
function statement(effect: 'Allow' | 'Deny', resources: string[]): PolicyStatement {
  const [only, ...more] = resources;
  return { Action: 'execute-api:Invoke', Effect: effect, Resource: only !== undefined && more.length === 0 ? only : resources };
}
