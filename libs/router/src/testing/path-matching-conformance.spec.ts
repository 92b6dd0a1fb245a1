import { compileRoutes } from '../compile-routes.js';
import { RouteDefinitionError } from '../route-definition-error.js';
import { matchRoute } from '../match-route.js';
import { proxyEvent } from './proxy-event.js';
import { pathMatchingCases, referencePathMatch, templateGrammarCases, type PathMatch } from './reference-path-match.js';

const cases = pathMatchingCases.flatMap(({ name, templates, paths }) => paths.map((path) => ({ name, templates, path })));

describe('the shared template grammar cases', () => {
  const compile = (path: string) => () => compileRoutes([{ method: 'GET', path, version: '2025-01-01', handler: () => ({ status: 204 }) }]);
  it.each(templateGrammarCases.valid)('compileRoutes accepts %j', (template) => expect(compile(template)).not.toThrow());
  it.each(templateGrammarCases.invalid)('compileRoutes refuses %j', (template) => expect(compile(template)).toThrow(RouteDefinitionError));
});

describe('the shared path-matching conformance cases', () => {
  it.each(cases)('matchRoute: $name: $path', ({ templates, path }) => {
    const table = compileRoutes(templates.map((template) => ({ method: 'GET', path: template, version: '2025-01-01', handler: () => ({ status: 204 }) })));
    const match = matchRoute(table, 'GET', path, '2025-01-01');
    const expected = referencePathMatch(templates, path);
    const served: PathMatch | undefined =
      match.kind === 'matched'
        ? { template: String(match.route.definition.path), params: match.params }
        : match.kind === 'malformed-param'
          ? // The path was chosen; the parameter's malformed escape makes it a 400.
            { template: String(match.route.definition.path), params: { ...expected?.params, [match.name]: undefined } }
          : undefined;
    expect(served).toEqual(expected);
  });

  it.each(cases.filter(({ templates, path }) => referencePathMatch(templates, path) !== undefined))(
    'proxyEvent fills pathParameters as the oracle decodes them: $name: $path',
    ({ templates, path }) => {
      const { template, params } = referencePathMatch(templates, path) as PathMatch;
      const decodedOrRaw = Object.fromEntries(Object.entries(params).map(([name, value], i) => [name, value ?? rawParams(template, path)[i]]));
      expect(proxyEvent({ path, resource: template }).pathParameters).toEqual(Object.keys(params).length === 0 ? null : decodedOrRaw);
    },
  );

  it('has cases that exercise each rule (the suite is not vacuous)', () => {
    const outcomes = cases.map(({ templates, path }) => referencePathMatch(templates, path));
    expect(outcomes.filter((outcome) => outcome === undefined).length).toBeGreaterThan(10);
    expect(outcomes.filter((outcome) => outcome !== undefined && Object.values(outcome.params).includes(undefined)).length).toBeGreaterThan(3);
    expect(referencePathMatch(['/r/{id}', '/r/search'], '/r/%73earch')?.template).toBe('/r/search');
    expect(referencePathMatch(['/a/b/c', '/a/{x}/d'], '/a/b/d')?.template).toBe('/a/{x}/d');
  });
});

/** A malformed parameter's raw text: what API Gateway-shaped events keep when they cannot decode. */
function rawParams(template: string, path: string): string[] {
  const segments = path.split('/');
  return template
    .split('/')
    .flatMap((segment, i) => (segment.startsWith('{') ? [segments[i] ?? ''] : []));
}
