import type { Grant } from '../grants/grant.js';
import { parsePathTemplate } from '../grants/path-template.js';

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
 * Every method ARN a key's grants cover on the stage of `methodArn`, each template parsed by
 * the one grammar of every authz matcher (`parsePathTemplate`), `{name}` segments as `*`.
 * IAM's `*` also matches `/` (and a literal's own `*` or `?` is a wildcard there), IAM compares
 * the ARN as API Gateway writes it, not percent-decoded, and ARNs carry no query string: such a
 * policy is coarser than the grants (see README, "Cached authorizers").
 */
export function grantedArns(methodArn: string, grants: readonly Grant[]): string[] {
  const prefix = stageArnPrefix(methodArn);
  if (prefix === undefined) return [];
  return grants.flatMap((grant) => {
    const path = arnPath(grant.path);
    return path === undefined ? [] : [`${prefix}${grant.method}${path}`];
  });
}

/** A granted template as an IAM resource pattern: `/resources/{id}` → `/resources/*`; undefined when invalid. */
export function arnPath(template: string): string | undefined {
  const segments = parsePathTemplate(template);
  // Grants are validated when the key map loads; an invalid one grants nothing.
  if (typeof segments === 'string') return undefined;
  return segments.map((segment) => ('param' in segment ? '/*' : `/${segment.literal}`)).join('');
}
