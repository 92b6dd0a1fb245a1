/**
 * The shared workload: ≈300 routes (20 domains × 5 paths × 3 versions) and a fixed request mix
 * (80% hits with UUID ids, 10% unknown paths, 10% a valid but unsupported version).
 */
export const VERSIONS = ['2024-06-01', '2024-12-01', '2025-03-01'] as const;
export const UNSUPPORTED_VERSION = '2023-01-01';

export interface BenchRoute {
  /** `{name}` template, as our router and API Gateway write it. */
  readonly template: string;
  readonly version: string;
  /** What a correct router reports for a hit: `template version`. */
  readonly key: string;
}

export interface BenchRequest {
  readonly method: 'GET';
  readonly path: string;
  readonly version: string;
  /** The route a correct router serves, or null (unknown path or unsupported version). */
  readonly expected: string | null;
}

const SHAPES = ['', '/search', '/{id}', '/{id}/items', '/{id}/items/{itemId}'];

/** Static paths first: routers that return every match (hono) then list the right one first. */
export const routes: BenchRoute[] = Array.from({ length: 20 }, (_, d) => `/domain-${d}`).flatMap((base) =>
  SHAPES.flatMap((shape) =>
    VERSIONS.map((version) => ({ template: base + shape, version, key: `${base + shape} ${version}` })),
  ),
);

/** `{id}` → `:id` for routers using the colon syntax. */
export const colonPath = (template: string): string => template.replace(/\{(\w+)\}/g, ':$1');

/** A small seeded generator, so every run and every router sees the same requests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function requestMix(count: number, seed = 42): BenchRequest[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
      (c === 'x' ? Math.floor(next() * 16) : 8 + Math.floor(next() * 4)).toString(16),
    );
  const fill = (template: string) => template.replace(/\{\w+\}/g, uuid);
  return Array.from({ length: count }, (_, i): BenchRequest => {
    const route = pick(routes);
    const kind = i % 10;
    if (kind === 8) {
      const path = next() < 0.5 ? `/unknown-${Math.floor(next() * 20)}/${uuid()}` : `/domain-${Math.floor(next() * 20)}/${uuid()}/nope`;
      return { method: 'GET', path, version: pick(VERSIONS), expected: null };
    }
    if (kind === 9) return { method: 'GET', path: fill(route.template), version: UNSUPPORTED_VERSION, expected: null };
    return { method: 'GET', path: fill(route.template), version: route.version, expected: route.key };
  });
}

/** Groups the versions of each template: peers without version support look the version up after matching. */
export function versionsByTemplate(): Map<string, Map<string, string>> {
  const byTemplate = new Map<string, Map<string, string>>();
  for (const route of routes) {
    let versions = byTemplate.get(route.template);
    if (versions === undefined) byTemplate.set(route.template, (versions = new Map()));
    versions.set(route.version, route.key);
  }
  return byTemplate;
}
