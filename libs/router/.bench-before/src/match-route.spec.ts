import { compileRoutes } from './compile-routes.js';
import { matchRoute, type RouteMatch } from './match-route.js';
import type { HttpMethod, RouteDefinition } from './route.js';

const V = '2025-03-01';
const def = (path: string | RegExp, method: HttpMethod = 'GET', version = V): RouteDefinition => ({
  method,
  path,
  version,
  handler: () => ({ status: 204 }),
});

/** What a match means for a test: which registered path served it, with which params. */
function served(match: RouteMatch): unknown {
  switch (match.kind) {
    case 'matched':
      return { path: String(match.route.definition.path), params: match.params };
    case 'malformed-param':
      return { malformed: match.name };
    default:
      return match.kind;
  }
}

describe('matchRoute', () => {
  const table = compileRoutes([
    def('/'),
    def('/resources'),
    def('/resources/{id}'),
    def('/resources/search', 'GET', '2024-12-01'),
    def('/a/b/d'),
    def('/a/{x}/c'),
    def('/a/{x}/{y}/z'),
    def('/a/b/{y}/w'),
    def(/^\/files\/(?<name>.+)$/),
    def(/^\/files\/special$/),
    def(/^\/resources\/.*$/),
    def(/^\/opt(?:\/(?<tail>[^/]+))?$/),
  ]);
  const match = (path: string, method = 'GET', version = V) => served(matchRoute(table, method, path, version));

  it('matches static templates and binds parameters', () => {
    expect(match('/resources')).toEqual({ path: '/resources', params: {} });
    expect(match('/resources/123')).toEqual({ path: '/resources/{id}', params: { id: '123' } });
    expect(match('/')).toEqual({ path: '/', params: {} });
  });

  it('prefers a static segment to a parameter even when only the parameter route has the version', () => {
    expect(match('/resources/search', 'GET', V)).toBe('unsupported-version');
    expect(match('/resources/search', 'GET', '2024-12-01')).toEqual({ path: '/resources/search', params: {} });
  });

  it('prefers a static segment to a parameter even when only the parameter route has the method', () => {
    expect(match('/resources/search', 'DELETE')).toBe('method-not-allowed');
  });

  it('backtracks to a parameter when the static branch dead-ends', () => {
    expect(match('/a/b/d')).toEqual({ path: '/a/b/d', params: {} });
    expect(match('/a/b/c')).toEqual({ path: '/a/{x}/c', params: { x: 'b' } });
    expect(match('/a/b/q/z')).toEqual({ path: '/a/{x}/{y}/z', params: { x: 'b', y: 'q' } });
    expect(match('/a/b/q/w')).toEqual({ path: '/a/b/{y}/w', params: { y: 'q' } });
  });

  it('binds a parameter to exactly one non-empty segment', () => {
    expect(match('/resources/')).toEqual({ path: '/^\\/resources\\/.*$/', params: {} });
    expect(match('/a//c')).toBe('not-found');
    expect(match('/resources/1/2')).toEqual({ path: '/^\\/resources\\/.*$/', params: {} });
  });

  it('is exact about trailing slashes and the leading slash', () => {
    expect(match('/a/b/d/')).toBe('not-found');
    expect(match('resources')).toBe('not-found');
    expect(match('')).toBe('not-found');
  });

  it('tries RegExp routes after every template, in registration order, binding named groups', () => {
    expect(match('/files/special')).toEqual({ path: '/^\\/files\\/(?<name>.+)$/', params: { name: 'special' } });
    expect(match('/files/a%20b/c')).toEqual({ path: '/^\\/files\\/(?<name>.+)$/', params: { name: 'a b/c' } });
    expect(match('/opt')).toEqual({ path: '/^\\/opt(?:\\/(?<tail>[^/]+))?$/', params: {} });
  });

  it('decodes segments before comparing them, so encoding cannot dodge a static route', () => {
    expect(match('/resources/%73earch', 'GET', '2024-12-01')).toEqual({ path: '/resources/search', params: {} });
    expect(match('/resources/%2F')).toEqual({ path: '/resources/{id}', params: { id: '/' } });
  });

  it('finds static segments among many siblings, telling apart labels with the same fingerprint', () => {
    // abcde/axcde/aycde share length, first, middle and last character.
    const labels = ['abcde', 'axcde', 'users', 'orders', 'items', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const table = compileRoutes([...labels.map((label) => def(`/${label}`)), def('/{other}')]);
    for (const label of labels) {
      expect(served(matchRoute(table, 'GET', `/${label}`, V))).toEqual({ path: `/${label}`, params: {} });
    }
    expect(served(matchRoute(table, 'GET', '/aycde', V))).toEqual({ path: '/{other}', params: { other: 'aycde' } });
  });

  it('names parameters after the served route, even when routes of one path name them differently', () => {
    const table = compileRoutes([def('/r/{id}', 'GET', '2024-12-01'), def('/r/{key}', 'GET', V), def('/r/{ref}', 'POST')]);
    expect(served(matchRoute(table, 'GET', '/r/7', '2024-12-01'))).toEqual({ path: '/r/{id}', params: { id: '7' } });
    expect(served(matchRoute(table, 'GET', '/r/7', V))).toEqual({ path: '/r/{key}', params: { key: '7' } });
    expect(served(matchRoute(table, 'POST', '/r/7', V))).toEqual({ path: '/r/{ref}', params: { ref: '7' } });
  });

  it('reports a malformed parameter only when the matched route binds it', () => {
    expect(match('/resources/%zz')).toEqual({ malformed: 'id' });
    expect(match('/files/%E0%A4%A')).toEqual({ malformed: 'name' });
    expect(match('/nothing/%zz')).toBe('not-found');
  });
});
