import type { DomainDefinition } from '@tollgate/domain-registry';

/** The API Gateway resource a request path resolved to, as a proxy integration sees it. */
export interface MatchedResource {
  readonly domain: DomainDefinition;
  /** The resource template: `/resources/{proxy+}`. */
  readonly resource: string;
  /** Decoded path parameter values, `{ proxy: 'a/b' }`; empty for a literal resource. */
  readonly pathParameters: Record<string, string>;
}

/** One template segment: a literal, `{name}` (one non-empty segment) or `{name+}` (the non-empty rest). */
type ResourceSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param' | 'greedy'; readonly name: string };

interface CompiledResource {
  readonly domain: DomainDefinition;
  readonly resource: string;
  readonly segments: readonly ResourceSegment[];
  /** Per segment, `0` literal, `1` parameter, `2` greedy: the smallest wins. */
  readonly shape: string;
}

const variable = /^\{([A-Za-z0-9_]+)(\+?)\}$/;

function compile(domain: DomainDefinition, resource: string): CompiledResource {
  const segments = resource
    .split('/')
    .slice(1)
    .map((part): ResourceSegment => {
      const match = variable.exec(part);
      if (match === null) return { kind: 'literal', text: part };
      return { kind: match[2] === '+' ? 'greedy' : 'param', name: match[1] ?? '' };
    });
  const shape = segments
    .map((s) => (s.kind === 'literal' ? '0' : s.kind === 'param' ? '1' : '2'))
    .join('');
  return { domain, resource, segments, shape };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The decoded parameters if `path`'s segments (raw and decoded) fit the resource, else undefined. */
function fit(
  candidate: CompiledResource,
  raw: readonly string[],
  decoded: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const { segments } = candidate;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as ResourceSegment;
    if (segment.kind === 'greedy') {
      const rest = raw.slice(i).join('/');
      if (rest === '' || i !== segments.length - 1) return undefined;
      params[segment.name] = decode(rest);
      return params;
    }
    if (i >= raw.length) return undefined;
    if (segment.kind === 'literal') {
      if (segment.text !== decoded[i]) return undefined;
    } else {
      if (raw[i] === '') return undefined;
      params[segment.name] = decoded[i] as string;
    }
  }
  return segments.length === raw.length ? params : undefined;
}

/**
 * Resolves request paths to the API resources the registry declares (the same list the infra
 * app turns into API Gateway resources). The path grammar is the router's and the authorizer's
 * (`referencePathMatch` of `@tollgate/router/testing`): segments compared percent-decoded (a
 * malformed escape raw), the most specific resource first — per segment, from the left, a
 * literal beats `{name}`, which beats a greedy `{name+}`. No match means API Gateway has no
 * such resource: it answers before any authorizer runs.
 */
export function createResourceMatcher(
  registry: readonly DomainDefinition[],
): (path: string) => MatchedResource | undefined {
  const compiled = registry.flatMap((domain) =>
    domain.apiResources.map((resource) => compile(domain, resource)),
  );
  return (path) => {
    if (!path.startsWith('/')) return undefined;
    const raw = path.split('/').slice(1);
    const decoded = raw.map(decode);
    let best: { candidate: CompiledResource; params: Record<string, string> } | undefined;
    for (const candidate of compiled) {
      if (best !== undefined && candidate.shape >= best.candidate.shape) continue;
      const params = fit(candidate, raw, decoded);
      if (params !== undefined) best = { candidate, params };
    }
    return (
      best && {
        domain: best.candidate.domain,
        resource: best.candidate.resource,
        pathParameters: best.params,
      }
    );
  };
}
