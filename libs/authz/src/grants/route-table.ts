import type { TemplateSegment } from './path-template.js';

/**
 * One node of a per-method segment trie. A request path is walked segment by segment: a
 * literal child must equal the segment exactly, the param child takes any non-empty segment.
 * A node where a route's template ends carries that route's id.
 */
class RouteNode {
  // Literal children as parallel arrays with each literal's first character and length: a
  // literal is compared character by character only for a child whose first character matches
  // and that ends where a segment does — usually one.
  readonly literals: string[] = [];
  readonly lengths: number[] = [];
  readonly firsts: number[] = [];
  readonly children: RouteNode[] = [];
  param: RouteNode | undefined = undefined;
  routeId = -1;

  literalChild(segment: string): RouteNode {
    const existing = this.children[this.literals.indexOf(segment)];
    if (existing !== undefined) return existing;
    const node = new RouteNode();
    this.literals.push(segment);
    this.lengths.push(segment.length);
    this.firsts.push(firstCode(segment, 0));
    this.children.push(node);
    return node;
  }

  /** The literal child that is the whole segment starting at `from`, or -1. */
  literalAt(path: string, from: number): number {
    const firsts = this.firsts;
    if (firsts.length === 0) return -1;
    const first = firstCode(path, from);
    for (let c = 0; c < firsts.length; c++) {
      if (firsts[c] !== first) continue;
      const end = from + (this.lengths[c] ?? 0);
      // The literal must end where the segment does: at the path's end or at a `/`.
      if (end > path.length || (end < path.length && path.charCodeAt(end) !== SLASH)) continue;
      if (sameFrom(path, from + 1, this.literals[c] ?? '', 1)) return c;
    }
    return -1;
  }
}

const SLASH = 0x2f;

/**
 * Whether `path` from `at` holds `literal` from `start` on (the caller checked the lengths).
 * A loop of `charCodeAt`, which the JIT compiles to plain loads: literals are a few characters,
 * and a call to `startsWith` per segment cost more than the comparison.
 */
function sameFrom(path: string, at: number, literal: string, start: number): boolean {
  for (let i = start; i < literal.length; i++, at++) if (path.charCodeAt(at) !== literal.charCodeAt(i)) return false;
  return true;
}

/** The index of the `/` ending the segment that starts at `from`, or the path's length. */
function segmentEnd(path: string, from: number): number {
  const length = path.length;
  while (from < length && path.charCodeAt(from) !== SLASH) from++;
  return from;
}

/** The first UTF-16 code unit of the segment starting at `from`, or -1 when it is empty. */
function firstCode(value: string, from: number): number {
  const code = from < value.length ? value.charCodeAt(from) : -1;
  return code === SLASH ? -1 : code;
}

/**
 * The query parameter names one grant allows (sorted, without duplicates). A list scanned with
 * `===`, not a Set: a grant lists a few names, and a request's names are object keys, i.e.
 * internalized strings, so the scan is a few pointer compares where `Set.has` costs a call
 * and a hash lookup per name. (`===` still compares content when a string is not internalized.)
 */
export type QueryRule = readonly string[];

/** Answers, for a route the path matched, whether grant set `slot` accepts it. */
export interface RouteAcceptor {
  acceptsRoute(slot: number, routeId: number, queryParameterNames: readonly string[]): boolean;
}

/**
 * Every distinct (method, path template) in a key map, as one trie per method with a numeric
 * id per route. Shared by all keys of a map: the walk touches one small structure that stays
 * in CPU cache however many keys there are, and each key only keeps the ids it is granted.
 */
export class RouteTable {
  // A short list, not a Map: ≤ 7 methods. Method strings are usually internalized (literals,
  // JSON.parse), so each `===` is a pointer compare — cheaper than a Map's hashing.
  private readonly roots: { readonly method: string; readonly node: RouteNode }[] = [];
  private readonly templates = new Map<string, readonly TemplateSegment[]>();
  private readonly queryRules = new Map<string, QueryRule>();
  private routes = 0;

  /** How many routes are registered; ids are `0 … count-1`. */
  get count(): number {
    return this.routes;
  }

  /** Parses a template once per table (`parse` returns segments or why the template is invalid). */
  segments(template: string, parse: (template: string) => readonly TemplateSegment[] | string): readonly TemplateSegment[] {
    let segments = this.templates.get(template);
    if (segments === undefined) {
      const parsed = parse(template);
      // parseKeyMap rejects such templates; reaching this is a programming error.
      if (typeof parsed === 'string') throw new TypeError(`invalid path template: ${parsed}`);
      segments = parsed;
      this.templates.set(template, segments);
    }
    return segments;
  }

  /** One shared rule per distinct set of query names. */
  queryRule(names: readonly string[]): QueryRule {
    const sorted = [...new Set(names)].sort();
    const id = JSON.stringify(sorted);
    let rule = this.queryRules.get(id);
    if (rule === undefined) {
      rule = sorted;
      this.queryRules.set(id, rule);
    }
    return rule;
  }

  /** The id of a route, registering it on first use. */
  routeId(method: string, segments: readonly TemplateSegment[]): number {
    let node = this.root(method);
    if (node === undefined) {
      node = new RouteNode();
      this.roots.push({ method, node });
    }
    for (const segment of segments) {
      node = 'param' in segment ? (node.param ??= new RouteNode()) : node.literalChild(segment.literal);
    }
    if (node.routeId === -1) node.routeId = this.routes++;
    return node.routeId;
  }

  /**
   * Whether some route matching `method` and the whole `path` is accepted. Anchored by
   * construction: the walk must consume the path and end on a route.
   */
  matches(method: string, path: string, acceptor: RouteAcceptor, slot: number, queryParameterNames: readonly string[]): boolean {
    const root = this.root(method);
    return root !== undefined && path.charCodeAt(0) === SLASH && walk(root, path, 0, acceptor, slot, queryParameterNames);
  }

  private root(method: string): RouteNode | undefined {
    const roots = this.roots;
    for (let i = 0; i < roots.length; i++) if (roots[i]?.method === method) return roots[i]?.node;
    return undefined;
  }
}

/**
 * `start` is the index of the `/` that opens the next segment, or `path.length` when done.
 * A loop, recursing only where a node has both a matching literal child and a param child
 * (the literal is tried first; if nothing under it is accepted, the param child is).
 */
function walk(
  node: RouteNode,
  path: string,
  start: number,
  acceptor: RouteAcceptor,
  slot: number,
  query: readonly string[],
): boolean {
  const length = path.length;
  for (;;) {
    if (start === length) return node.routeId !== -1 && acceptor.acceptsRoute(slot, node.routeId, query);
    const from = start + 1;
    const c = node.literalAt(path, from);
    const literal = c === -1 ? undefined : node.children[c];
    const param = node.param;
    if (literal !== undefined) {
      const end = from + (node.lengths[c] ?? 0);
      if (param === undefined) {
        node = literal;
        start = end;
        continue;
      }
      if (walk(literal, path, end, acceptor, slot, query)) return true;
    }
    if (param === undefined) return false;
    start = segmentEnd(path, from);
    if (start === from) return false;
    node = param;
  }
}
