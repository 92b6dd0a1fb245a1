import FindMyWay from 'find-my-way';
import { TrieRouter } from 'hono/router/trie-router';
import { compileRoutes } from '../src/compile-routes.js';
import { matchRoute } from '../src/match-route.js';
import type { RouteDefinition } from '../src/route.js';
import { colonPath, routes, versionsByTemplate } from './bench-table.js';
// Powertools exports no matcher of its own; its registry is imported by file to time matching alone.
import { Route } from '../../../node_modules/@aws-lambda-powertools/event-handler/lib/esm/http/Route.js';
import { RouteHandlerRegistry } from '../../../node_modules/@aws-lambda-powertools/event-handler/lib/esm/http/RouteHandlerRegistry.js';

/** (method, path, version) → the served route's key, or null. Params are extracted but unused. */
export type Matcher = (method: string, path: string, version: string) => string | null;

export function tollgateMatcher(): Matcher {
  const keys = new Map<RouteDefinition, string>();
  const table = compileRoutes(
    routes.map(({ template, version, key }) => {
      const definition: RouteDefinition = { method: 'GET', path: template, version, handler: () => ({ status: 200 }) };
      keys.set(definition, key);
      return definition;
    }),
  );
  return (method, path, version) => {
    const match = matchRoute(table, method, path, version);
    return match.kind === 'matched' ? (keys.get(match.route.definition) ?? null) : null;
  };
}

export function findMyWayMatcher(): Matcher {
  const router = FindMyWay();
  for (const [template, versions] of versionsByTemplate()) {
    router.on('GET', colonPath(template), () => undefined, { versions });
  }
  return (method, path, version) => {
    const found = router.find(method as 'GET', path);
    if (found === null) return null;
    return (found.store as { versions: Map<string, string> }).versions.get(version) ?? null;
  };
}

export function honoTrieMatcher(): Matcher {
  const router = new TrieRouter<Map<string, string>>();
  for (const [template, versions] of versionsByTemplate()) router.add('GET', colonPath(template), versions);
  return (method, path, version) => {
    // TrieRouter returns every matching route in registration order; static paths were added first.
    const first = router.match(method, path)[0][0];
    return first === undefined ? null : (first[0].get(version) ?? null);
  };
}

export function powertoolsMatcher(): Matcher {
  const registry = new RouteHandlerRegistry({ logger: console });
  const versionsOf = new Map<unknown, Map<string, string>>();
  for (const [template, versions] of versionsByTemplate()) {
    const handler = () => ({});
    versionsOf.set(handler, versions);
    registry.register(new Route('GET', colonPath(template) as `/${string}`, handler));
  }
  return (method, path, version) => {
    const found = registry.resolve(method as 'GET', path as `/${string}`);
    return found === null ? null : (versionsOf.get(found.handler)?.get(version) ?? null);
  };
}

/** The design the router replaces: one anchored RegExp per route, scanned in order. */
export function linearScanMatcher(): Matcher {
  const table = routes.map((route) => ({
    method: 'GET',
    version: route.version,
    key: route.key,
    pattern: new RegExp('^' + route.template.replace(/\{\w+\}/g, '([^/]+)') + '$'),
  }));
  return (method, path, version) => {
    for (const entry of table) {
      if (entry.method === method && entry.version === version && entry.pattern.exec(path) !== null) return entry.key;
    }
    return null;
  };
}
