import {
  segmentKey,
  type CompiledRoute,
  type MethodEntry,
  type PathEntry,
  type PathSegments,
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
  const segments = table.segments;
  let entry: PathEntry | null = null;
  if (path.charCodeAt(0) === SLASH && readSegments(path, table.maxSegments, segments)) {
    entry = findPath(table.root, segments, 0);
  }
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
    const { text, starts, ends, malformed } = segments;
    for (let i = 0; i < paramIndexes.length; i++) {
      const index = paramIndexes[i] as number;
      const name = paramNames[i] as string;
      if (malformed !== null && malformed.has(index)) return { kind: 'malformed-param', route, name };
      params[name] = text.slice(starts[index], ends[index]);
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

/** Fills `segments` from a path starting with '/'; false when it has more segments than any template. */
function readSegments(path: string, maxSegments: number, segments: PathSegments): boolean {
  if (path.includes('%')) return readDecodedSegments(path, maxSegments, segments);
  segments.text = path;
  segments.malformed = null;
  let count = 0;
  let start = 1;
  for (;;) {
    if (count === maxSegments) return false;
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    segments.starts[count] = start;
    segments.ends[count] = end;
    count++;
    if (end === path.length) break;
    start = end + 1;
  }
  segments.count = count;
  return true;
}

function readDecodedSegments(path: string, maxSegments: number, segments: PathSegments): boolean {
  const raw = path.split('/');
  if (raw.length - 1 > maxSegments) return false;
  let text = '';
  segments.malformed = null;
  for (let i = 1; i < raw.length; i++) {
    const segment = raw[i] as string;
    let decoded = decode(segment);
    if (decoded === null) {
      (segments.malformed ??= new Set()).add(i - 1);
      decoded = segment;
    }
    segments.starts[i - 1] = text.length;
    text += decoded;
    segments.ends[i - 1] = text.length;
  }
  segments.text = text;
  segments.count = raw.length - 1;
  return true;
}

function findPath(node: TrieNode, segments: PathSegments, index: number): PathEntry | null {
  if (index === segments.count) return node.path;
  const start = segments.starts[index] as number;
  const end = segments.ends[index] as number;
  const child = staticChild(node, segments.text, start, end);
  if (child !== undefined) {
    const found = findPath(child, segments, index + 1);
    if (found !== null) return found;
  }
  // A parameter is exactly one non-empty segment.
  if (node.paramChild !== null && end > start) return findPath(node.paramChild, segments, index + 1);
  return null;
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

/** `label === text.slice(start, end)` without building the slice. */
function sameText(label: string, text: string, start: number, end: number): boolean {
  if (label.length !== end - start) return false;
  for (let i = 0; i < label.length; i++) {
    if (label.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

function decode(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
