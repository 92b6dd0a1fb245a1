import { GrantIndex } from './grant-index.js';
import type { Grant, GrantMethod } from './grant.js';
import { parsePathTemplate } from './path-template.js';
import { RouteTable } from './route-table.js';

const grant = (method: GrantMethod, path: string, queryParameters: string[] = []): Grant => ({
  method,
  path,
  queryParameters,
});

/** Whether slot `slot` of the index grants the request. */
function granted(index: GrantIndex, slot: number, method: string, path: string, query: string[] = []): boolean {
  return index.check({ grantSlot: slot }, method, path, query) === 'allowed';
}

/** One grant set compiled into an index (a fresh one unless given). */
function compileGrants(grants: Grant[], index = new GrantIndex()) {
  const slot = index.add(grants);
  return { allows: (method: string, path: string, query: string[] = []) => granted(index, slot, method, path, query) };
}

function allows(grants: Grant[], method: string, path: string, query: string[] = []): boolean {
  return compileGrants(grants).allows(method, path, query);
}

describe('GrantIndex', () => {
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

    it('tells apart literals of the same length and first character, and matches one-character and empty segments exactly', () => {
      const grants = [grant('GET', '/ab/{id}'), grant('GET', '/ac'), grant('GET', '/a//x'), grant('GET', '/b/{id}/c')];
      expect(allows(grants, 'GET', '/ab/1')).toBe(true);
      expect(allows(grants, 'GET', '/ac')).toBe(true);
      expect(allows(grants, 'GET', '/ac/1')).toBe(false);
      expect(allows(grants, 'GET', '/ad')).toBe(false);
      expect(allows(grants, 'GET', '/a//x')).toBe(true);
      expect(allows(grants, 'GET', '/a/x')).toBe(false);
      expect(allows(grants, 'GET', '/a///x')).toBe(false);
      expect(allows(grants, 'GET', '/b/1/c')).toBe(true);
      expect(allows(grants, 'GET', '/b/1/cc')).toBe(false);
      expect(allows(grants, 'GET', '/b/1/')).toBe(false);
      expect(allows(grants, 'GET', '/b//c')).toBe(false);
    });

    it('finds a literal among several sharing a first code unit, ASCII or not (one UTF-16 surrogate starts many emoji)', () => {
      const granted = ['/user', '/users', '/u', '/été', '/étage', '/😀a', '/😁b'];
      const grants = granted.map((path) => grant('GET', path));
      for (const path of granted) expect(allows(grants, 'GET', path)).toBe(true);
      for (const path of ['/use', '/usersx', '/uu', '/étag', '/ét', '/😀b', '/😁a', '/😂a']) expect(allows(grants, 'GET', path)).toBe(false);
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

    it('compares names by content, whichever string objects carry them', () => {
      const fresh = (name: string) => Buffer.from(name).toString();
      expect(allows(grants, 'GET', '/resources', [fresh('limit'), fresh('cursor')])).toBe(true);
      expect(allows([grant('GET', '/r', ['a', 'a', 'b'])], 'GET', '/r', [fresh('b'), fresh('a')])).toBe(true);
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

  describe('path first, as the router matches', () => {
    it('compares each segment percent-decoded, as the router does', () => {
      const key = compileGrants([grant('GET', '/resources/search'), grant('GET', '/resources/{id}/x')]);
      expect(key.allows('GET', '/resources/%73earch')).toBe(true);
      expect(key.allows('GET', '/%72esources/search')).toBe(true);
      expect(key.allows('GET', '/resources/%73EARCH')).toBe(false);
      expect(key.allows('GET', '/resources/%2573earch')).toBe(false);
      expect(key.allows('GET', '/resources/a%2Fb/x')).toBe(true);
      expect(key.allows('GET', '/resources/%zz/x')).toBe(true);
      expect(key.allows('GET', '/resources/%E0%A4%A/x')).toBe(true);
      expect(key.allows('GET', '/resources/%E0%A4%A8/%78')).toBe(true);
    });

    it('denies a {param} grant the static sibling another key is granted: the router serves that route', () => {
      const routes = new GrantIndex();
      const reader = compileGrants([grant('GET', '/resources/{id}')], routes);
      compileGrants([grant('POST', '/resources/search')], routes);
      expect(reader.allows('GET', '/resources/42')).toBe(true);
      // The router picks the path /resources/search, then answers 405 for GET: never the {id} route.
      expect(reader.allows('GET', '/resources/search')).toBe(false);
      expect(reader.allows('GET', '/resources/%73earch')).toBe(false);
    });

    it('denies a {param} grant a served static sibling that no key is granted', () => {
      const routes = new GrantIndex({ servedPaths: ['/resources/{id}', '/resources/search', '/a/b/c', '/a/{x}/d'] });
      const key = compileGrants([grant('GET', '/resources/{id}'), grant('GET', '/a/{x}/d')], routes);
      expect(key.allows('GET', '/resources/42')).toBe(true);
      expect(key.allows('GET', '/resources/search')).toBe(false);
      expect(key.allows('GET', '/resources/%73earch')).toBe(false);
      // A static branch where no template ends is left for the parameter, as the router does.
      expect(key.allows('GET', '/a/b/d')).toBe(true);
      expect(key.allows('GET', '/a/b/c')).toBe(false);
    });

    it('with served paths, still knows a granted template as a path: an incomplete list does not reopen the bypass', () => {
      const routes = new GrantIndex({ servedPaths: ['/r/{id}'] });
      const reader = compileGrants([grant('GET', '/r/{id}')], routes);
      compileGrants([grant('GET', '/r/mine')], routes);
      expect(reader.allows('GET', '/r/1')).toBe(true);
      expect(reader.allows('GET', '/r/mine')).toBe(false);
    });

    it('rejects an invalid served path, naming it', () => {
      expect(() => new GrantIndex({ servedPaths: ['/r/%7Bid%7D'] })).toThrow(/served path "\/r\/%7Bid%7D" segment "%7Bid%7D" must be written unencoded/);
      expect(() => new GrantIndex({ servedPaths: ['r'] })).toThrow(TypeError);
    });
  });

  it('allows nothing without grants', () => {
    expect(allows([], 'GET', '/')).toBe(false);
  });

  describe('with a shared index', () => {
    it('registers each distinct route and query-name set once', () => {
      const routes = new RouteTable();
      const segments = routes.segments('/r/{id}', parsePathTemplate);
      expect(routes.segments('/r/{id}', parsePathTemplate)).toBe(segments);
      expect(routes.routeId('GET', segments)).toBe(routes.routeId('GET', routes.segments('/r/{x}', parsePathTemplate)));
      expect(routes.routeId('POST', segments)).not.toBe(routes.routeId('GET', segments));
      expect(routes.queryRule(['b', 'a'])).toBe(routes.queryRule(['a', 'b']));
    });

    it('keeps each key to its own grants', () => {
      const routes = new GrantIndex();
      const reader = compileGrants([grant('GET', '/r/{id}', ['a'])], routes);
      const writer = compileGrants([grant('PUT', '/r/{id}'), grant('GET', '/r/mine')], routes);
      expect(reader.allows('GET', '/r/1', ['a'])).toBe(true);
      // The router serves /r/mine from its own template, which only the writer is granted.
      expect(reader.allows('GET', '/r/mine', ['a'])).toBe(false);
      expect(reader.allows('PUT', '/r/1', [])).toBe(false);
      expect(writer.allows('GET', '/r/1', [])).toBe(false);
      expect(writer.allows('GET', '/r/mine', ['a'])).toBe(false);
      expect(writer.allows('PUT', '/r/1', [])).toBe(true);
    });

    it('combines compiled slots with more grants, merging the query rules of a shared route', () => {
      const table = new GrantIndex();
      const limit = table.add([grant('GET', '/r', ['limit'])]);
      const cursor = table.add([grant('GET', '/r', ['cursor']), grant('PUT', '/r')]);
      const both = table.combine([limit, cursor], [grant('DELETE', '/r/{id}')]);
      expect(granted(table, both, 'GET', '/r', ['limit'])).toBe(true);
      expect(granted(table, both, 'GET', '/r', ['cursor'])).toBe(true);
      expect(granted(table, both, 'GET', '/r', ['limit', 'cursor'])).toBe(false);
      expect(granted(table, both, 'PUT', '/r', [])).toBe(true);
      expect(granted(table, both, 'DELETE', '/r/1', [])).toBe(true);
      expect(granted(table, limit, 'DELETE', '/r/1', [])).toBe(false);
    });

    it('finds each granted route’s own query rule, whatever order its routes were registered and granted in', () => {
      const table = new GrantIndex();
      // 70 routes (three bitset words), registered in one order and granted in another, each
      // route allowing only its own query name: a rule read at the wrong position is caught.
      table.add(Array.from({ length: 70 }, (_, i) => grant('GET', `/r/${i}`)));
      const mixed = Array.from({ length: 70 }, (_, i) => (i * 37) % 70).map((i) => grant('GET', `/r/${i}`, [`q${i}`]));
      const slot = table.combine([table.add(mixed.slice(35))], mixed.slice(0, 35));
      for (let i = 0; i < 70; i++) {
        expect(granted(table, slot, 'GET', `/r/${i}`, [`q${i}`])).toBe(true);
        expect(granted(table, slot, 'GET', `/r/${i}`, [`q${(i + 1) % 70}`])).toBe(false);
      }
    });

    it('compiles equal content once', () => {
      const table = new GrantIndex();
      const slot = table.add([grant('GET', '/r')]);
      const size = table.size;
      expect(table.add([grant('GET', '/r')])).toBe(slot);
      expect(table.combine([slot], [grant('PUT', '/r')])).toBe(table.combine([slot], [grant('PUT', '/r')]));
      expect(table.size).toBeGreaterThan(size);
    });

    it('does not grant a slot routes registered after it was compiled, however many', () => {
      const table = new GrantIndex();
      const early = table.add([grant('GET', '/early')]);
      const late = table.add(Array.from({ length: 70 }, (_, i) => grant('GET', `/late/${i}`)));
      expect(granted(table, late, 'GET', '/late/69', [])).toBe(true);
      expect(granted(table, early, 'GET', '/late/69', [])).toBe(false);
      expect(granted(table, early, 'GET', '/late/0', [])).toBe(false);
      expect(granted(table, early, 'GET', '/early', [])).toBe(true);
    });

    it('indexes a node with many literal children and still matches every one', () => {
      const routes = new GrantIndex();
      const many = Array.from({ length: 40 }, (_, i) => grant('GET', `/n${i}/{id}`));
      const key = compileGrants(many, routes);
      for (let i = 0; i < 40; i++) expect(key.allows('GET', `/n${i}/x`, [])).toBe(true);
      expect(key.allows('GET', '/n40/x', [])).toBe(false);
      expect(key.allows('GET', '/n1/', [])).toBe(false);
    });
  });
});
