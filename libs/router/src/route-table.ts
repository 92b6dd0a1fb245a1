import type { ProblemDetails } from './problem-error.js';
import type { RouteDefinition } from './route.js';

/** One route version, ready to serve. */
export interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly version: string;
  /** Template routes: the segment index (0 = first after the leading slash) of each parameter. */
  readonly paramIndexes: readonly number[];
  /** Names matching `paramIndexes` (template routes only; RegExp routes use named groups). */
  readonly paramNames: readonly string[];
  /** Whether the route declares a body (a body schema, or POST/PUT/PATCH); others ignore one. */
  readonly readsBody: boolean;
  /** `Deprecation`/`Sunset` for deprecated versions, else null. */
  readonly deprecationHeaders: Readonly<Record<string, string>> | null;
}

/** Every version of one (path, method). Arrays, not maps: scanning a handful of short strings is faster. */
export interface MethodEntry {
  readonly method: string;
  /** Newest first. */
  readonly routes: readonly CompiledRoute[];
  /** The versions of `routes`, in the same order. */
  readonly supportedVersions: readonly string[];
  /** The 400 for any other version, built and serialized once: it depends on the table alone. */
  readonly unsupportedVersion: ProblemDetails;
  readonly unsupportedVersionJson: string;
}

/** Every method of one path (a template up to parameter names, or one RegExp). */
export interface PathEntry {
  /** The template with parameter names, or the RegExp's text; used in logs. */
  readonly label: string;
  /** In registration order. */
  readonly methods: readonly MethodEntry[];
  /** The `Allow` header value. */
  readonly allow: string;
}

export interface TrieNode {
  readonly staticChildren: Map<string, TrieNode>;
  /**
   * The same children, looked up without hashing the request's segment: a short list is scanned
   * (lengths first); a long one gets an open-addressing table keyed by `segmentKey`, probed in
   * plain JIT-compiled code rather than through `Map`.
   */
  staticList: readonly StaticChild[];
  staticTable: StaticTable | null;
  paramChild: TrieNode | null;
  path: PathEntry | null;
}

export interface StaticChild {
  readonly label: string;
  readonly node: TrieNode;
}

export interface StaticTable {
  /** `slot & mask` wraps a probe; the table is a power of two, at most half full. */
  readonly mask: number;
  /** Each slot's `segmentKey`, 0 when empty. */
  readonly keys: Int32Array;
  readonly children: readonly (StaticChild | undefined)[];
}

/**
 * A cheap, never-zero fingerprint of `text[start, end)` from its length and first, middle and
 * last characters; labels sharing one are told apart by comparison.
 */
export function segmentKey(text: string, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return 1;
  const edges = (text.charCodeAt(start) << 16) ^ (text.charCodeAt(start + (length >> 1)) << 8) ^ text.charCodeAt(end - 1);
  return Math.imul(edges ^ (length << 24), 0x9e3779b1) | 1;
}

export interface RegExpPath {
  readonly pattern: RegExp;
  readonly entry: PathEntry;
}

export interface RouteTable {
  readonly root: TrieNode;
  /** Tried in registration order after the templates. */
  readonly regExpPaths: readonly RegExpPath[];
  /** Every version some route serves: a request carrying one of them needs no date check. */
  readonly knownVersions: ReadonlySet<string>;
  /**
   * Scratch space reused by every match (matching is synchronous): segment i of the matched path
   * is `path.slice(spans[2i], spans[2i + 1])`. Offsets, not substrings, so only parameters are cut.
   */
  readonly spans: number[];
}
