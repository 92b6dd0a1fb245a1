/** One statement of an authorizer's IAM policy, normalised to lists. */
export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
}

export type PolicyDecision = 'allow' | 'implicit-deny' | 'explicit-deny';

/** IAM wildcards: `*` any run of characters (including `/` and `:`), `?` one character. */
export function iamPatternMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'si' : 's').test(value);
}

const list = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

function applies(statement: PolicyStatement, methodArn: string): boolean {
  // Action names are case-insensitive in IAM; resource ARNs are not.
  return (
    list(statement.Action).some((action) =>
      iamPatternMatches(action, 'execute-api:Invoke', true),
    ) && list(statement.Resource).some((resource) => iamPatternMatches(resource, methodArn))
  );
}

/** IAM evaluation for one request: an explicit Deny wins, then any Allow, else implicit deny. */
export function evaluatePolicy(
  statements: readonly PolicyStatement[],
  methodArn: string,
): PolicyDecision {
  const matching = statements.filter((statement) => applies(statement, methodArn));
  if (matching.some((s) => s.Effect === 'Deny')) return 'explicit-deny';
  return matching.some((s) => s.Effect === 'Allow') ? 'allow' : 'implicit-deny';
}
