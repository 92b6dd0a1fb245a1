import { ApiRouter } from './api-router.js';
import { route, type RouteDefinition } from './route.js';
import { RouteDefinitionError, type RouteDefinitionErrorCode } from './route-definition-error.js';

const ok = () => ({ status: 204 });
const def = (overrides: Partial<RouteDefinition>): RouteDefinition => ({
  method: 'GET',
  path: '/resources',
  version: '2025-03-01',
  handler: ok,
  ...overrides,
});

function buildError(routes: RouteDefinition[]): RouteDefinitionError {
  try {
    new ApiRouter(routes);
  } catch (error) {
    if (error instanceof RouteDefinitionError) return error;
    throw error;
  }
  throw new Error('expected the router to reject its table');
}

describe('building a router', () => {
  it('rejects the same method + path + version twice', () => {
    const error = buildError([def({}), def({})]);
    expect(error.code).toBe('duplicate-route');
    expect(error.message).toBe('GET /resources version 2025-03-01 is registered twice');
  });

  it('treats differently named parameters in the same place as the same path', () => {
    const error = buildError([def({ path: '/r/{id}/x' }), def({ path: '/r/{key}/x' })]);
    expect(error.code).toBe('duplicate-route');
    expect(error.message).toContain('(as /r/{id}/x)');
  });

  it('rejects the same RegExp route twice', () => {
    expect(buildError([def({ path: /^\/a$/ }), def({ path: /^\/a$/ })]).code).toBe('duplicate-route');
  });

  it('accepts the same path with another method or another version', () => {
    expect(
      () => new ApiRouter([def({}), def({ method: 'POST' }), def({ version: '2024-12-01' })]),
    ).not.toThrow();
  });

  it.each<[string, Partial<RouteDefinition>, RouteDefinitionErrorCode]>([
    ['a version that is not a date', { version: 'v1' }, 'invalid-version'],
    ['an impossible calendar date', { version: '2024-02-30' }, 'invalid-version'],
    ['an unknown method', { method: 'FETCH' as 'GET' }, 'invalid-method'],
    ['a template without a leading slash', { path: 'resources' }, 'invalid-path'],
    ['a parameter that is not a whole segment', { path: '/files/{name}.json' }, 'invalid-path'],
    ['a greedy proxy parameter', { path: '/files/{proxy+}' }, 'invalid-path'],
    ['a repeated parameter name', { path: '/a/{id}/b/{id}' }, 'invalid-path'],
    ['a percent-encoded template', { path: '/a%20b' }, 'invalid-path'],
    ['a global RegExp', { path: /^\/a$/g }, 'invalid-path'],
    ['a sticky RegExp', { path: /^\/a$/y }, 'invalid-path'],
    ['a handler that is not a function', { handler: 'nope' as unknown as RouteDefinition['handler'] }, 'invalid-handler'],
    ['a sunset that is not a date', { deprecated: { sunset: '30/06/2026' } }, 'invalid-deprecation'],
    ['a deprecation date that is not a date', { deprecated: { sunset: '2026-06-30', since: 'soon' } }, 'invalid-deprecation'],
  ])('rejects %s', (_, overrides, code) => {
    expect(buildError([def(overrides)]).code).toBe(code);
  });

  it('accepts what route() declares', () => {
    expect(
      () =>
        new ApiRouter([
          route({ method: 'GET', path: '/r/{id}', version: '2025-03-01', handler: (req) => ({ status: 200, body: req.params.id }) }),
          route({ method: 'GET', path: /^\/files\/(?<name>.+)$/, version: '2025-03-01', handler: ok }),
        ]),
    ).not.toThrow();
  });
});
