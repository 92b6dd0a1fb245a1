import type { TemplateSegment } from './path-template.js';

/**
 * One node of the path trie (one trie for every method, as the router has). A request path is
 * walked segment by segment: a literal child must equal the segment, the param child takes any
 * non-empty segment. A node where some template ends (`ends`) lists the routes — one per
 * method — registered there.
 */
class PathNode {
  // Literal children as parallel arrays. A literal is found by the segment's first code unit
  // (`byFirst`, chained through `sameFirst`), checked to end where the segment does, then
  // compared code unit by code unit against its precomputed `codes`: one generic string read
  // per character (`startsWith` reads both strings so, ~2× the instructions, and a substring
  // comparison allocates).
  readonly literals: string[] = [];
  readonly codes: (readonly number[])[] = [];
  readonly lengths: number[] = [];
  readonly children: PathNode[] = [];
  /** First code unit (< 128) → 1 + the index of the last literal starting with it; 0: none. */
  private readonly byFirst = new Int16Array(128);
  /** Literal index → the index of an earlier literal with the same first code unit, or -1. */
  private readonly sameFirst: number[] = [];
  /** The index of the empty literal, or -1. */
  private emptyLiteral = -1;
  param: PathNode | undefined = undefined;
  /** Some template (served, or granted to a key) ends here: the router would have a path here. */
  ends = false;
  // Methods and their route ids, side by side: ≤ 7 methods, compared with `===` (interned strings).
  readonly methods: string[] = [];
  readonly routeIds: number[] = [];

  literalChild(segment: string): PathNode {
    const existing = this.children[this.literals.indexOf(segment)];
    if (existing !== undefined) return existing;
    const node = new PathNode();
    const index = this.literals.length;
    const codes = Array.from({ length: segment.length }, (_, i) => segment.charCodeAt(i));
    // An empty literal (the empty segment of `/a//b` or `/a/`) is found apart: it has no first code unit.
    const first = codes[0] ?? -1;
    // Chained to the last literal with the same first code unit, found before this one is added.
    this.sameFirst.push(first === -1 ? -1 : this.lastStartingWith(first));
    this.literals.push(segment);
    this.codes.push(codes);
    this.lengths.push(segment.length);
    this.children.push(node);
    if (first === -1) this.emptyLiteral = index;
    else if (first < 128) this.byFirst[first] = index + 1;
    return node;
  }

  /** The literal child that is the whole segment starting at `from`, or -1. */
  literalAt(path: string, from: number): number {
    if (this.lengths.length === 0) return -1;
    const first = from < path.length ? path.charCodeAt(from) : SLASH;
    if (first === SLASH) return this.emptyLiteral;
    for (let c = this.lastStartingWith(first); c !== -1; c = this.sameFirst[c] ?? -1) {
      const length = this.lengths[c] ?? 0;
      const end = from + length;
      // The literal must end where the segment does: at the path's end or at a `/`.
      if (end > path.length || (end < path.length && path.charCodeAt(end) !== SLASH)) continue;
      const codes = this.codes[c] ?? [];
      let i = 1;
      while (i < length && path.charCodeAt(from + i) === codes[i]) i++;
      if (i === length) return c;
    }
    return -1;
  }

  /** The last literal starting with code unit `first`, or -1 (earlier ones follow through `sameFirst`). */
  private lastStartingWith(first: number): number {
    if (first < 128) return (this.byFirst[first] ?? 0) - 1;
    // Literals starting beyond ASCII are rare: found by a scan.
    for (let c = this.codes.length - 1; c >= 0; c--) if (this.codes[c]?.[0] === first) return c;
    return -1;
  }

  /** The route of `method` at this path, or -1. */
  routeOf(method: string): number {
    const methods = this.methods;
    for (let i = 0; i < methods.length; i++) if (methods[i] === method) return this.routeIds[i] ?? -1;
    return -1;
  }
}

const SLASH = 0x2f;

/**
 * The index of the `/` ending the segment that starts at `from`, or the path's length.
 * `indexOf` (a vectorized search) measured faster than a `charCodeAt` loop on such paths.
 */
function segmentEnd(path: string, from: number): number {
  const end = path.indexOf('/', from);
  return end === -1 ? path.length : end;
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
 * Every distinct (method, path template) in a key map, plus the API's served path templates, as
 * one path trie with a numeric id per route. Shared by all keys of a map: the walk touches one
 * small structure that stays in CPU cache however many keys there are, and each key only keeps
 * the ids it is granted.
 *
 * A request is matched as `@tollgate/router` matches it — path first, then method: the path is
 * chosen by the trie alone (a literal beats a parameter; the walk backtracks only where a branch
 * dead-ends, no template ending there), each segment compared percent-decoded. Only then is the
 * route of the request's method at that path looked up and offered to the acceptor. So a key
 * granted `/r/{id}` is not granted `/r/search` when `/r/search` is a known template: the router
 * would serve that route, not `/r/{id}`.
 */
export class RouteTable {
  private readonly root = new PathNode();
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
      // parseKeyMap and GrantIndex's options reject such templates; reaching this is a programming error.
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

  /**
   * Registers a path the API serves (its router has it), so the walk chooses between templates
   * as the router does even where no key is granted one of them.
   */
  servePath(segments: readonly TemplateSegment[]): void {
    this.node(segments).ends = true;
  }

  /** The id of a route, registering it (and its path) on first use. */
  routeId(method: string, segments: readonly TemplateSegment[]): number {
    const node = this.node(segments);
    // A granted template is a path too: were the served paths incomplete, a route some key is
    // granted still takes its requests from a {param} sibling.
    node.ends = true;
    let id = node.routeOf(method);
    if (id === -1) {
      id = this.routes++;
      node.methods.push(method);
      node.routeIds.push(id);
    }
    return id;
  }

  /**
   * Whether the route the router would serve for `method` and `path` is accepted. Anchored by
   * construction: the walk must consume the path and end where a template does.
   */
  matches(method: string, path: string, acceptor: RouteAcceptor, slot: number, queryParameterNames: readonly string[]): boolean {
    if (path.charCodeAt(0) !== SLASH) return false;
    // Percent-escapes are rare, and matter only where a segment could decode to a literal:
    // the raw walk says so, and only then is the path decoded and walked again.
    let node = find(this.root, path, 0);
    if (node === NEEDS_DECODING) node = findDecoded(this.root, decodedSegments(path), 0);
    if (node === undefined) return false;
    const routeId = node.routeOf(method);
    return routeId !== -1 && acceptor.acceptsRoute(slot, routeId, queryParameterNames);
  }

  private node(segments: readonly TemplateSegment[]): PathNode {
    let node = this.root;
    for (const segment of segments) node = 'param' in segment ? (node.param ??= new PathNode()) : node.literalChild(segment.literal);
    return node;
  }
}

/**
 * The path node the router would choose for `path`, undefined when there is none, or
 * `NEEDS_DECODING` when an escaped segment could change the answer. `start` is the index of the
 * `/` that opens the next segment, or `path.length` when done. A loop, recursing only where a
 * node has both a matching literal child and a param child (the literal is tried first; the
 * param child only if no template ends below the literal).
 */
function find(node: PathNode, path: string, start: number): PathNode | undefined {
  const length = path.length;
  for (;;) {
    if (start === length) return node.ends ? node : undefined;
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
      const found = find(literal, path, end);
      if (found !== undefined) return found;
    }
    const segmentStop = segmentEnd(path, from);
    // No literal equals the raw segment. A literal never holds a `%`, so a raw match is never
    // wrong; but a segment with an escape might decode to one of this node's literals.
    if (c === -1 && node.literals.length > 0 && hasEscape(path, from, segmentStop)) return NEEDS_DECODING;
    if (param === undefined || segmentStop === from) return undefined;
    start = segmentStop;
    node = param;
  }
}

/** Whether `path` holds a `%` between `from` and `to`. */
function hasEscape(path: string, from: number, to: number): boolean {
  const at = path.indexOf('%', from);
  return at !== -1 && at < to;
}

/** What `find` answers when the path must be decoded to be matched (a sentinel node, never a route's). */
const NEEDS_DECODING = new PathNode();

/**
 * A path's segments after its leading `/`, each percent-decoded as the router decodes it
 * (`decodeURIComponent`); a malformed escape is kept raw, so it can never equal a template's
 * (unencoded) literal. A decoded segment is empty only when the raw one is.
 */
function decodedSegments(path: string): string[] {
  const segments = path.slice(1).split('/');
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i] ?? '';
    if (!raw.includes('%')) continue;
    try {
      segments[i] = decodeURIComponent(raw);
    } catch {
      // Malformed: compared raw.
    }
  }
  return segments;
}

/** `find` over decoded segments: a literal equals the whole decoded segment (which may hold a `/` from `%2F`). */
function findDecoded(node: PathNode, segments: readonly string[], index: number): PathNode | undefined {
  if (index === segments.length) return node.ends ? node : undefined;
  const segment = segments[index] ?? '';
  const literal = node.children[node.literals.indexOf(segment)];
  if (literal !== undefined) {
    const found = findDecoded(literal, segments, index + 1);
    if (found !== undefined) return found;
  }
  // A parameter is exactly one non-empty segment.
  return node.param !== undefined && segment !== '' ? findDecoded(node.param, segments, index + 1) : undefined;
}
