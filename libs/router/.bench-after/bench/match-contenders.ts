import FindMyWay from 'find-my-way';
import { TrieRouter } from 'hono/router/trie-router';
import { compileRoutes } from '../src/compile-routes.js';
import { matchRoute } from '../src/match-route.js';
import type { RouteDefinition } from '../src/route.js';
import { colonPath, routes, versionsByTemplate } from './bench-table.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** (method, path, version) → the served route's key, or null. Params are extracted but unused. */
export type Matcher = (method: string, path: string, version: string) => string | null;

export function tollgateMatcher(): Matcher {
  // Each definition carries its key, so naming the served route costs one property read.
  const table = compileRoutes(
    routes.map(({ template, version, key }) => ({ method: 'GET', path: template, version, key, handler: () => ({ status: 200 }) })),
  );
  return (method, path, version) => {
    const match = matchRoute(table, method, path, version);
    return match.kind === 'matched' ? (match.route.definition as RouteDefinition & { key: string }).key : null;
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

/** The parts of Powertools' internal route registry (not exported by the package) used here. */
interface PowertoolsRegistry {
  register(route: object): void;
  resolve(method: string, path: string): { handler: unknown } | null;
}
interface PowertoolsInternals {
  Route: new (method: string, path: string, handler: () => object) => object;
  RouteHandlerRegistry: new (options: { logger: Console }) => PowertoolsRegistry;
}

/**
 * Powertools exports no matcher of its own; its registry module is loaded by file path, next to
 * the package's public `http` entry, to time its matching alone.
 */
export async function powertoolsMatcher(): Promise<Matcher> {
  const httpEntry = createRequire(join(process.cwd(), 'package.json')).resolve('@aws-lambda-powertools/event-handler/http');
  const load = async (file: string) => (await import(pathToFileURL(join(dirname(httpEntry), file)).href)) as Partial<PowertoolsInternals>;
  const { Route } = await load('Route.js');
  const { RouteHandlerRegistry } = await load('RouteHandlerRegistry.js');
  if (Route === undefined || RouteHandlerRegistry === undefined) throw new Error('Powertools internals moved');
  const registry = new RouteHandlerRegistry({ logger: console });
  const versionsOf = new Map<unknown, Map<string, string>>();
  for (const [template, versions] of versionsByTemplate()) {
    const handler = () => ({});
    versionsOf.set(handler, versions);
    registry.register(new Route('GET', colonPath(template), handler));
  }
  return (method, path, version) => {
    const found = registry.resolve(method, path);
    return found === null ? null : (versionsOf.get(found.handler)?.get(version) ?? null);
  };
}

/** One anchored RegExp per route, in table order: the design the router replaces. */
function regexTable() {
  return routes.map((route) => ({
    method: 'GET',
    version: route.version,
    key: route.key,
    pattern: new RegExp('^' + route.template.replace(/\{\w+\}/g, '([^/]+)') + '$'),
  }));
}

/** The generous variant of the scan: cheap method and version checks before each RegExp. */
export function linearScanMatcher(): Matcher {
  const table = regexTable();
  return (method, path, version) => {
    for (const entry of table) {
      if (entry.method === method && entry.version === version && entry.pattern.exec(path) !== null) return entry.key;
    }
    return null;
  };
}

/**
 * The scan as a router written that way runs it: every route's RegExp is tried before its
 * method and version, because such a router must know whether the path exists at all (404 vs
 * 405 vs unsupported version).
 */
export function naiveLinearScanMatcher(): Matcher {
  const table = regexTable();
  return (method, path, version) => {
    for (const entry of table) {
      if (entry.pattern.exec(path) !== null && entry.method === method && entry.version === version) return entry.key;
    }
    return null;
  };
}
