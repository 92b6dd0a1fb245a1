import fc from 'fast-check';
import { compileRoutes } from './compile-routes.js';
import { matchRoute } from './match-route.js';
import type { HttpMethod, RouteDefinition } from './route.js';
import { referencePathMatch } from './testing/reference-path-match.js';

/**
 * The spec, written as plainly as possible and scanning every route — the path chosen by the
 * shared oracle `referencePathMatch` (`@tollgate/router/testing`) — the compiled router must
 * agree with it on random tables and paths.
 */
type Outcome =
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'unsupported-version'; supported: string[] }
  | { kind: 'malformed-param'; name: string }
  | { kind: 'matched'; route: number; params: Record<string, string> };

function decodeOrNull(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The router on top of the shared path oracle: path first, then RegExp paths, then method, then version. */
function referenceMatch(routes: RouteDefinition[], method: string, path: string, version: string): Outcome {
  const templateOf = (route: RouteDefinition) => (route.path as string).split('/').slice(1);
  const isParam = (segment: string) => segment.startsWith('{');
  const raw = path.split('/').slice(1);
  const key = (template: string) => template.replace(/\{[^/]*\}/g, '{}');

  const templates = routes.flatMap((route) => (typeof route.path === 'string' ? [route.path] : []));
  const chosen = referencePathMatch(templates, path);
  let pathRoutes: RouteDefinition[] = [];
  if (chosen !== undefined) {
    pathRoutes = routes.filter((route) => typeof route.path === 'string' && key(route.path) === key(chosen.template));
  } else {
    const first = routes.find((route) => route.path instanceof RegExp && route.path.test(path));
    if (first === undefined) return { kind: 'not-found' };
    pathRoutes = routes.filter((route) => String(route.path) === String(first.path));
  }

  const withMethod = pathRoutes.filter((route) => route.method === method);
  if (withMethod.length === 0) return { kind: 'method-not-allowed', allow: [...new Set(pathRoutes.map((r) => r.method))] };
  const served = withMethod.find((route) => route.version === version);
  if (served === undefined) {
    return { kind: 'unsupported-version', supported: withMethod.map((r) => r.version).sort().reverse() };
  }

  const params: Record<string, string> = {};
  if (served.path instanceof RegExp) {
    for (const [name, value] of Object.entries(served.path.exec(path)?.groups ?? {})) {
      if (value === undefined) continue;
      const value2 = decodeOrNull(value);
      if (value2 === null) return { kind: 'malformed-param', name };
      params[name] = value2;
    }
  } else {
    for (const [i, segment] of templateOf(served).entries()) {
      if (!isParam(segment)) continue;
      const value = decodeOrNull(raw[i] as string);
      if (value === null) return { kind: 'malformed-param', name: segment.slice(1, -1) };
      params[segment.slice(1, -1)] = value;
    }
  }
  return { kind: 'matched', route: routes.indexOf(served), params };
}

function compiledMatch(routes: RouteDefinition[], method: string, path: string, version: string): Outcome {
  const match = matchRoute(compileRoutes(routes), method, path, version);
  switch (match.kind) {
    case 'matched':
      return { kind: 'matched', route: routes.indexOf(match.route.definition), params: { ...match.params } };
    case 'method-not-allowed':
      return { kind: 'method-not-allowed', allow: match.path.allow.split(', ') };
    case 'unsupported-version':
      return { kind: 'unsupported-version', supported: [...match.methodEntry.supportedVersions] };
    case 'malformed-param':
      return { kind: 'malformed-param', name: match.name };
    case 'not-found':
      return { kind: 'not-found' };
  }
}

const VERSIONS = ['2024-01-01', '2024-06-01', '2025-01-01'];
const METHODS: HttpMethod[] = ['GET', 'POST'];
const REGEXPS = [/^\/a\/(?<rest>.+)$/, /^\/(?<first>[^/]+)$/, /^\/b\/.*$/, /^\/c(?:\/(?<opt>x))?$/];
const handler = () => ({ status: 204 });

const templateRoute = fc.record({
  method: fc.constantFrom(...METHODS),
  version: fc.constantFrom(...VERSIONS),
  path: fc
    // Enough static labels that a node can outgrow the short list and use its hash table.
    .array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'abcde', 'axcde', '{p}', '{q}', '{r}'), { minLength: 0, maxLength: 3 })
    // A template names each parameter once.
    .map((segments) => '/' + segments.map((s, i) => (s.startsWith('{') ? `{${s.slice(1, -1)}${i}}` : s)).join('/')),
});
const regExpRoute = fc.record({
  method: fc.constantFrom(...METHODS),
  version: fc.constantFrom(...VERSIONS),
  path: fc.constantFrom(...REGEXPS),
});

const table = fc
  .array(fc.oneof({ weight: 4, arbitrary: templateRoute }, { weight: 1, arbitrary: regExpRoute }), { maxLength: 40 })
  .map((entries) => {
    // Drop conflicting registrations (same method, path shape, version): building would throw.
    const seen = new Set<string>();
    return entries
      .filter(({ method, path, version }) => {
        const key = `${method} ${String(path).replace(/\{[^}]*\}/g, '{}')} ${version}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((entry): RouteDefinition => ({ ...entry, handler }));
  });

const requestPath = fc.oneof(
  fc
    .array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x', 'abcde', 'axcde', 'aycde', '', '%61', '%zz', 'b%2Fc', '%E0%A4%A'), {
      maxLength: 4,
    })
    .map((segments) => '/' + segments.join('/')),
  fc.constantFrom('', 'a', '/'),
);

describe('the compiled router agrees with the reference implementation', () => {
  it('on random tables, paths, methods and versions', () => {
    fc.assert(
      fc.property(
        table,
        requestPath,
        fc.constantFrom(...METHODS, 'DELETE'),
        fc.constantFrom(...VERSIONS),
        (routes, path, method, version) => {
          expect(compiledMatch(routes, method, path, version)).toEqual(referenceMatch(routes, method, path, version));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on paths that some route in the table is built to match', () => {
    // Biased towards hits: the path is a registered template with its parameters filled in.
    fc.assert(
      fc.property(
        table.filter((routes) => routes.some((r) => typeof r.path === 'string')),
        fc.nat(),
        fc.constantFrom('a', 'b', 'zz', '%62'),
        fc.constantFrom(...METHODS),
        fc.constantFrom(...VERSIONS),
        (routes, pick, fill, method, version) => {
          const templates = routes.filter((r) => typeof r.path === 'string');
          const template = templates[pick % templates.length]?.path as string;
          const path = template.replace(/\{[^}]*\}/g, fill);
          expect(compiledMatch(routes, method, path, version)).toEqual(referenceMatch(routes, method, path, version));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
