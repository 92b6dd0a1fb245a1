import type { Grant, GrantMethod } from '../key-map/key-map.js';
import { compileGrants, GrantMatcherCache } from './compile-grants.js';

const grant = (method: GrantMethod, path: string, queryParameters: string[] = []): Grant => ({
  method,
  path,
  queryParameters,
});

function allows(grants: Grant[], method: string, path: string, query: string[] = []): boolean {
  return compileGrants(grants).allows(method, path, query);
}

describe('compileGrants', () => {
  describe('paths', () => {
    const grants = [grant('GET', '/resources'), grant('GET', '/resources/{id}'), grant('GET', '/a/{x}/b/{y}')];

    it('matches a literal template exactly', () => {
      expect(allows(grants, 'GET', '/resources')).toBe(true);
      expect(allows(grants, 'GET', '/resourcesX')).toBe(false);
      expect(allows(grants, 'GET', '/Resources')).toBe(false);
    });

    it('lets {name} match exactly one non-empty segment', () => {
      expect(allows(grants, 'GET', '/resources/42')).toBe(true);
      expect(allows(grants, 'GET', '/resources/a%2Fb')).toBe(true);
      expect(allows(grants, 'GET', '/resources/')).toBe(false);
      expect(allows(grants, 'GET', '/resources/42/more')).toBe(false);
      expect(allows(grants, 'GET', '/a/1/b/2')).toBe(true);
      expect(allows(grants, 'GET', '/a//b/2')).toBe(false);
    });

    it('is anchored at both ends', () => {
      expect(allows(grants, 'GET', '/v1/resources')).toBe(false);
      expect(allows(grants, 'GET', 'resources')).toBe(false);
      expect(allows(grants, 'GET', '')).toBe(false);
    });

    it('treats a trailing slash and a doubled slash as different paths', () => {
      expect(allows(grants, 'GET', '/resources/')).toBe(false);
      expect(allows(grants, 'GET', '//resources')).toBe(false);
      expect(allows([grant('GET', '/resources/')], 'GET', '/resources/')).toBe(true);
      expect(allows([grant('GET', '/resources/')], 'GET', '/resources')).toBe(false);
    });

    it('gives dot segments no meaning: /x/.. is not /', () => {
      expect(allows([grant('GET', '/')], 'GET', '/resources/..')).toBe(false);
      expect(allows([grant('GET', '/public/{file}')], 'GET', '/public/../admin')).toBe(false);
      expect(allows([grant('GET', '/public/{file}')], 'GET', '/public/..')).toBe(true);
    });

    it('treats regex metacharacters in templates as literal characters', () => {
      const grants = [grant('GET', '/a.b/(c)|d*/[e]+?/^$\\')];
      expect(allows(grants, 'GET', '/a.b/(c)|d*/[e]+?/^$\\')).toBe(true);
      expect(allows(grants, 'GET', '/aXb/(c)|d*/[e]+?/^$\\')).toBe(false);
      expect(allows(grants, 'GET', '/a.b/c')).toBe(false);
    });

    it('matches the root path only when granted', () => {
      expect(allows([grant('GET', '/')], 'GET', '/')).toBe(true);
      expect(allows(grants, 'GET', '/')).toBe(false);
    });

    it('tries a literal and a parameter at the same position', () => {
      const overlapping = [grant('GET', '/r/mine/x'), grant('GET', '/r/{id}/y')];
      expect(allows(overlapping, 'GET', '/r/mine/y')).toBe(true);
      expect(allows(overlapping, 'GET', '/r/mine/x')).toBe(true);
      expect(allows(overlapping, 'GET', '/r/other/x')).toBe(false);
    });

    it('compares unicode segments as exact strings', () => {
      expect(allows([grant('GET', '/café/{id}')], 'GET', '/café/☕')).toBe(true);
      expect(allows([grant('GET', '/café/{id}')], 'GET', '/cafe\u0301/1')).toBe(false);
    });
  });

  describe('methods', () => {
    it('matches the grant’s method only, case-sensitively', () => {
      const grants = [grant('GET', '/resources')];
      expect(allows(grants, 'POST', '/resources')).toBe(false);
      expect(allows(grants, 'HEAD', '/resources')).toBe(false);
      expect(allows(grants, 'get', '/resources')).toBe(false);
    });

    it('keeps grants of different methods apart', () => {
      const grants = [grant('GET', '/a'), grant('POST', '/b')];
      expect(allows(grants, 'GET', '/b')).toBe(false);
      expect(allows(grants, 'POST', '/b')).toBe(true);
      expect(allows(grants, '__proto__', '/a')).toBe(false);
    });
  });

  describe('query parameters', () => {
    const grants = [grant('GET', '/resources', ['limit', 'cursor'])];

    it('allows any subset of the listed names, including none', () => {
      expect(allows(grants, 'GET', '/resources')).toBe(true);
      expect(allows(grants, 'GET', '/resources', ['cursor'])).toBe(true);
      expect(allows(grants, 'GET', '/resources', ['limit', 'cursor'])).toBe(true);
    });

    it('denies a request with any name the grant does not list', () => {
      expect(allows(grants, 'GET', '/resources', ['limit', 'debug'])).toBe(false);
      expect(allows(grants, 'GET', '/resources', ['Limit'])).toBe(false);
      expect(allows(grants, 'GET', '/resources', ['__proto__'])).toBe(false);
      expect(allows([grant('GET', '/x')], 'GET', '/x', ['a'])).toBe(false);
    });

    it('allows when any one of several grants for the same path lists every name', () => {
      const both = [grant('GET', '/r', ['a']), grant('GET', '/r', ['b'])];
      expect(allows(both, 'GET', '/r', ['b'])).toBe(true);
      expect(allows(both, 'GET', '/r', ['a', 'b'])).toBe(false);
    });
  });

  it('allows nothing without grants', () => {
    expect(allows([], 'GET', '/')).toBe(false);
  });

  it('shares parsed templates and query rules between keys compiled with one cache', () => {
    const cache = new GrantMatcherCache();
    expect(cache.template('/r/{id}')).toBe(cache.template('/r/{id}'));
    expect(cache.queryRule(['b', 'a'])).toBe(cache.queryRule(['a', 'b']));
    const first = compileGrants([grant('GET', '/r/{id}', ['a'])], cache);
    const second = compileGrants([grant('GET', '/r/{id}', ['a'])], cache);
    expect(first.allows('GET', '/r/1', ['a'])).toBe(second.allows('GET', '/r/1', ['a']));
  });
});
