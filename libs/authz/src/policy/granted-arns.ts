import type { Grant } from '../grants/grant.js';

/**
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/` of a method ARN, or undefined when
 * it is not an execute-api method ARN. The path part may itself contain `:` and `/`.
 */
export function stageArnPrefix(methodArn: string): string | undefined {
  const parts = methodArn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== 'execute-api') return undefined;
  const head = parts.slice(0, 5).join(':');
  const [apiId, stage, verb] = parts.slice(5).join(':').split('/', 3);
  if (!apiId || !stage || verb === undefined) return undefined;
  return `${head}:${apiId}/${stage}/`;
}

/**
 * Every method ARN a key's grants cover on the stage of `methodArn`, `{name}` segments as `*`.
 * IAM's `*` also matches `/`, and ARNs carry no query string: such a policy is coarser than the
 * grants (see README, "Cached authorizers").
 */
export function grantedArns(methodArn: string, grants: readonly Grant[]): string[] {
  const prefix = stageArnPrefix(methodArn);
  if (prefix === undefined) return [];
  return grants.map((grant) => `${prefix}${grant.method}${grant.path.replace(PARAM_SEGMENT, '/*')}`);
}

const PARAM_SEGMENT = /\/\{[A-Za-z_][A-Za-z0-9_]*\}(?=\/|$)/g;
