import type { CompiledRoute, MethodEntry, PathEntry, RouteTable, TrieNode } from './route-table.js';

export type RouteMatch =
  | { readonly kind: 'matched'; readonly route: CompiledRoute; readonly params: Record<string, string> }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly path: PathEntry }
  | { readonly kind: 'unsupported-version'; readonly methodEntry: MethodEntry }
  | { readonly kind: 'malformed-param'; readonly route: CompiledRoute; readonly name: string };

const NOT_FOUND: RouteMatch = { kind: 'not-found' };

/**
 * Path first, then method, then version: the path is chosen by the trie alone (a static segment
 * beats a parameter, backtracking when the static branch dead-ends), so versions and methods
 * never change which path a request lands on. RegExp paths come after all templates.
 */
export function matchRoute(table: RouteTable, method: string, path: string, version: string): RouteMatch {
  let segments: string[] | null = null;
  let malformed: Set<number> | null = null;
  let entry: PathEntry | null = null;
  if (path.charCodeAt(0) === 47 /* '/' */) {
    segments = path.split('/');
    // Static segments compare decoded, so `/resources/%73earch` still reaches `/resources/search`.
    if (path.includes('%')) malformed = decodeSegments(segments);
    entry = findPath(table.root, segments, 1);
  }
  let groups: Record<string, string | undefined> | undefined;
  if (entry === null) {
    for (const candidate of table.regExpPaths) {
      const found = candidate.pattern.exec(path);
      if (found !== null) {
        entry = candidate.entry;
        groups = found.groups;
        break;
      }
    }
    if (entry === null) return NOT_FOUND;
  }

  const methodEntry = entry.methods.get(method);
  if (methodEntry === undefined) return { kind: 'method-not-allowed', path: entry };
  const route = methodEntry.routes.get(version);
  if (route === undefined) return { kind: 'unsupported-version', methodEntry };

  const params: Record<string, string> = {};
  if (segments !== null && groups === undefined) {
    const { paramIndexes, paramNames } = route;
    for (let i = 0; i < paramIndexes.length; i++) {
      const index = paramIndexes[i] as number;
      const name = paramNames[i] as string;
      if (malformed !== null && malformed.has(index)) return { kind: 'malformed-param', route, name };
      params[name] = segments[index] as string;
    }
  } else if (groups !== undefined) {
    for (const name in groups) {
      const raw = groups[name];
      if (raw === undefined) continue;
      const decoded = decode(raw);
      if (decoded === null) return { kind: 'malformed-param', route, name };
      params[name] = decoded;
    }
  }
  return { kind: 'matched', route, params };
}

function findPath(node: TrieNode, segments: readonly string[], index: number): PathEntry | null {
  if (index === segments.length) return node.path;
  const segment = segments[index] as string;
  const child = node.staticChildren.get(segment);
  if (child !== undefined) {
    const found = findPath(child, segments, index + 1);
    if (found !== null) return found;
  }
  // A parameter is exactly one non-empty segment.
  if (node.paramChild !== null && segment !== '') return findPath(node.paramChild, segments, index + 1);
  return null;
}

/** Decodes in place; returns the indexes whose percent-encoding is malformed (left raw). */
function decodeSegments(segments: string[]): Set<number> | null {
  let malformed: Set<number> | null = null;
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (!segment.includes('%')) continue;
    const decoded = decode(segment);
    if (decoded === null) (malformed ??= new Set()).add(i);
    else segments[i] = decoded;
  }
  return malformed;
}

function decode(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
