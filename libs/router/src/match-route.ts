import {
  segmentKey,
  type CompiledRoute,
  type MethodEntry,
  type PathEntry,
  type RouteTable,
  type StaticChild,
  type TrieNode,
} from './route-table.js';

export type RouteMatch =
  | { readonly kind: 'matched'; readonly route: CompiledRoute; readonly params: Record<string, string> }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly path: PathEntry }
  | { readonly kind: 'unsupported-version'; readonly methodEntry: MethodEntry }
  | { readonly kind: 'malformed-param'; readonly route: CompiledRoute; readonly name: string };

const NOT_FOUND: RouteMatch = { kind: 'not-found' };
const SLASH = 47;

/**
 * Path first, then method, then version: the path is chosen by the trie alone (a static segment
 * beats a parameter, backtracking when the static branch dead-ends), so versions and methods
 * never change which path a request lands on. RegExp paths come after all templates.
 */
export function matchRoute(table: RouteTable, method: string, path: string, version: string): RouteMatch {
  const spans = table.spans;
  let entry: PathEntry | null = null;
  // Percent-escapes are rare: only then is each segment decoded before it is compared.
  const encoded = path.includes('%');
  if (path.charCodeAt(0) === SLASH) entry = findPath(table.root, path, 1, 0, encoded, spans);
  let groups: Record<string, string | undefined> | undefined;
  if (entry === null) {
    for (const candidate of table.regExpPaths) {
      const found = candidate.pattern.exec(path);
      if (found !== null) {
        entry = candidate.entry;
        groups = found.groups ?? {};
        break;
      }
    }
    if (entry === null) return NOT_FOUND;
  }

  const methodEntry = methodIn(entry, method);
  if (methodEntry === undefined) return { kind: 'method-not-allowed', path: entry };
  const route = versionIn(methodEntry, version);
  if (route === undefined) return { kind: 'unsupported-version', methodEntry };

  const params: Record<string, string> = {};
  if (groups === undefined) {
    const { paramIndexes, paramNames } = route;
    for (let i = 0; i < paramIndexes.length; i++) {
      const index = paramIndexes[i] as number;
      const name = paramNames[i] as string;
      const raw = path.slice(spans[2 * index], spans[2 * index + 1]);
      const decoded = encoded ? decode(raw) : raw;
      if (decoded === null) return { kind: 'malformed-param', route, name };
      params[name] = decoded;
    }
  } else {
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

function methodIn(entry: PathEntry, method: string): MethodEntry | undefined {
  const methods = entry.methods;
  for (let i = 0; i < methods.length; i++) {
    if ((methods[i] as MethodEntry).method === method) return methods[i];
  }
  return undefined;
}

function versionIn(entry: MethodEntry, version: string): CompiledRoute | undefined {
  const routes = entry.routes;
  for (let i = 0; i < routes.length; i++) {
    if ((routes[i] as CompiledRoute).version === version) return routes[i];
  }
  return undefined;
}

/**
 * Matches the rest of the path, from segment number `depth` at offset `start`, below `node`:
 * one `indexOf('/')` per segment, no split. Bounds are written on the way back from a match, so
 * only the winning branch records them.
 */
function findPath(
  node: TrieNode,
  path: string,
  start: number,
  depth: number,
  encoded: boolean,
  spans: number[],
): PathEntry | null {
  let end = path.indexOf('/', start);
  const last = end === -1;
  if (last) end = path.length;
  let child: TrieNode | undefined;
  if (encoded) {
    const raw = path.slice(start, end);
    // A malformed escape is compared raw: it can never equal a template's (unencoded) literal.
    const segment = decode(raw) ?? raw;
    child = staticChild(node, segment, 0, segment.length);
  } else {
    child = staticChild(node, path, start, end);
  }
  let found: PathEntry | null = null;
  if (child !== undefined) found = last ? child.path : findPath(child, path, end + 1, depth + 1, encoded, spans);
  // A parameter is exactly one non-empty segment.
  const param = node.paramChild;
  if (found === null && param !== null && end > start) {
    found = last ? param.path : findPath(param, path, end + 1, depth + 1, encoded, spans);
  }
  if (found !== null) {
    spans[2 * depth] = start;
    spans[2 * depth + 1] = end;
  }
  return found;
}

function staticChild(node: TrieNode, text: string, start: number, end: number): TrieNode | undefined {
  const table = node.staticTable;
  if (table === null) {
    const list = node.staticList;
    for (let i = 0; i < list.length; i++) {
      const candidate = list[i] as StaticChild;
      if (sameText(candidate.label, text, start, end)) return candidate.node;
    }
    return undefined;
  }
  const key = segmentKey(text, start, end);
  const { keys, mask, children } = table;
  for (let slot = key & mask; keys[slot] !== 0; slot = (slot + 1) & mask) {
    if (keys[slot] === key) {
      const candidate = children[slot] as StaticChild;
      if (sameText(candidate.label, text, start, end)) return candidate.node;
    }
  }
  return undefined;
}

/**
 * `label === text.slice(start, end)`, cutting the slice only when the lengths agree. Comparing
 * the slice natively measured twice as fast as a `charCodeAt` loop (and faster than `startsWith`).
 */
function sameText(label: string, text: string, start: number, end: number): boolean {
  return label.length === end - start && text.slice(start, end) === label;
}

function decode(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
