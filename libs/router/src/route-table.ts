import type { RouteDefinition } from './route.js';

/** One route version, ready to serve. */
export interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly version: string;
  /** Template routes: the segment index (0 = first after the leading slash) of each parameter. */
  readonly paramIndexes: readonly number[];
  /** Names matching `paramIndexes` (template routes only; RegExp routes use named groups). */
  readonly paramNames: readonly string[];
  /** `Deprecation`/`Sunset` for deprecated versions, else null. */
  readonly deprecationHeaders: Readonly<Record<string, string>> | null;
}

/** Every version of one (path, method). */
export interface MethodEntry {
  readonly routes: ReadonlyMap<string, CompiledRoute>;
  /** Newest first. */
  readonly supportedVersions: readonly string[];
}

/** Every method of one path (a template up to parameter names, or one RegExp). */
export interface PathEntry {
  /** The template with parameter names, or the RegExp's text; used in logs. */
  readonly label: string;
  readonly methods: ReadonlyMap<string, MethodEntry>;
  /** The `Allow` header value. */
  readonly allow: string;
}

export interface TrieNode {
  readonly staticChildren: Map<string, TrieNode>;
  /**
   * The same children as parallel arrays, compared in place against the request path (no
   * substring, no hashing); `staticLookup` replaces them for nodes with many children.
   */
  staticLabels: readonly string[];
  staticNodes: readonly TrieNode[];
  staticLookup: ReadonlyMap<string, TrieNode> | null;
  paramChild: TrieNode | null;
  path: PathEntry | null;
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
  /** The most segments a template has: longer paths cannot match a template. */
  readonly maxSegments: number;
}
