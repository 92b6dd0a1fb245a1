import type { DomainDefinition } from '@tollgate/domain-registry';

/** The API Gateway resource a request path resolved to, as a proxy integration sees it. */
export interface MatchedResource {
  readonly domain: DomainDefinition;
  /** The resource template: `/resources/{proxy+}`. */
  readonly resource: string;
  /** Decoded path parameter values, `{ proxy: 'a/b' }`; empty for a literal resource. */
  readonly pathParameters: Record<string, string>;
}

interface CompiledResource {
  readonly domain: DomainDefinition;
  readonly resource: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** API Gateway prefers literal segments over `{param}` over a greedy `{param+}`. */
  readonly rank: number;
}

const variable = /\{([A-Za-z0-9_]+)(\+?)\}/g;

function compile(domain: DomainDefinition, resource: string): CompiledResource {
  const names: string[] = [];
  let rank = 0;
  let source = '';
  let last = 0;
  for (const match of resource.matchAll(variable)) {
    source += escapeRegExp(resource.slice(last, match.index));
    names.push(match[1] ?? '');
    const greedy = match[2] === '+';
    source += greedy ? '(.+)' : '([^/]+)';
    rank = Math.max(rank, greedy ? 2 : 1);
    last = match.index + match[0].length;
  }
  source += escapeRegExp(resource.slice(last));
  return { domain, resource, pattern: new RegExp(`^${source}$`), names, rank };
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Resolves request paths to the API resources the registry declares (the same list the infra
 * app turns into API Gateway resources), most specific first. No match means API Gateway has
 * no such resource: it answers before any authorizer runs.
 */
export function createResourceMatcher(
  registry: readonly DomainDefinition[],
): (path: string) => MatchedResource | undefined {
  const compiled = registry
    .flatMap((domain) => domain.apiResources.map((resource) => compile(domain, resource)))
    .sort((a, b) => a.rank - b.rank);
  return (path) => {
    for (const candidate of compiled) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      const pathParameters: Record<string, string> = {};
      candidate.names.forEach((name, i) => {
        pathParameters[name] = decode(match[i + 1] ?? '');
      });
      return { domain: candidate.domain, resource: candidate.resource, pathParameters };
    }
    return undefined;
  };
}
