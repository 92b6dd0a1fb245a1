import type { TemplateSegment } from './path-template.js';

/**
 * One node of a per-method segment trie. A request path is walked segment by segment: a
 * literal child must equal the segment exactly, the param child takes any non-empty segment.
 * A node where a route's template ends carries that route's id.
 */
class RouteNode {
  // Few literal children (the common case) are scanned comparing length then characters,
  // which needs no substring; a node with many children also gets a Map index.
  readonly literals: { readonly segment: string; readonly node: RouteNode }[] = [];
  index: Map<string, RouteNode> | undefined = undefined;
  param: RouteNode | undefined = undefined;
  routeId = -1;

  literalChild(segment: string): RouteNode {
    const existing = this.literals.find((child) => child.segment === segment);
    if (existing !== undefined) return existing.node;
    const node = new RouteNode();
    this.literals.push({ segment, node });
    if (this.index !== undefined || this.literals.length > INDEX_THRESHOLD) {
      this.index ??= new Map(this.literals.map((child) => [child.segment, child.node]));
      this.index.set(segment, node);
    }
    return node;
  }
}

const INDEX_THRESHOLD = 16;
const SLASH = 0x2f;

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
  // A short list, not a Map: ≤ 7 methods, compared by length and characters, beats hashing the
  // request's method string on every decision.
  private readonly roots: { readonly method: string; readonly node: RouteNode }[] = [];
  private readonly templates = new Map<string, readonly TemplateSegment[]>();
  private readonly queryRules = new Map<string, ReadonlySet<string>>();
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

  /** One shared set per distinct list of query names. */
  queryRule(names: readonly string[]): ReadonlySet<string> {
    const id = JSON.stringify([...names].sort());
    let rule = this.queryRules.get(id);
    if (rule === undefined) {
      rule = new Set(names);
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
    for (const root of this.roots) if (root.method === method) return root.node;
    return undefined;
  }
}

/** `start` is the index of the `/` that opens the next segment, or `path.length` when done. */
function walk(
  node: RouteNode,
  path: string,
  start: number,
  acceptor: RouteAcceptor,
  slot: number,
  query: readonly string[],
): boolean {
  if (start === path.length) return node.routeId !== -1 && acceptor.acceptsRoute(slot, node.routeId, query);
  let end = path.indexOf('/', start + 1);
  if (end === -1) end = path.length;
  const length = end - start - 1;
  let literal: RouteNode | undefined;
  if (node.index !== undefined) {
    literal = node.index.get(path.slice(start + 1, end));
  } else {
    for (const child of node.literals) {
      if (child.segment.length === length && path.startsWith(child.segment, start + 1)) {
        literal = child.node;
        break;
      }
    }
  }
  if (literal !== undefined && walk(literal, path, end, acceptor, slot, query)) return true;
  return node.param !== undefined && length > 0 && walk(node.param, path, end, acceptor, slot, query);
}
