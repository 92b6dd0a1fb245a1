import type { HttpMethod, RouteDefinition } from './route.js';
import { RouteDefinitionError } from './route-definition-error.js';
import { routerProblems } from './router-problems.js';
import {
  segmentKey,
  type CompiledRoute,
  type MethodEntry,
  type PathEntry,
  type RegExpPath,
  type RouteTable,
  type StaticChild,
  type StaticTable,
  type TrieNode,
} from './route-table.js';
import { isValidVersion, newestFirst, versionDate } from './version.js';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);
/** Methods whose requests carry a body by definition; any other reads one only with a body schema. */
const BODY_METHODS: ReadonlySet<string> = new Set<HttpMethod>(['POST', 'PUT', 'PATCH']);
const PARAM_SEGMENT = /^\{([A-Za-z_$][\w$]*)\}$/;

interface ParsedTemplate {
  /** Static segment text, or null for a parameter. */
  readonly segments: readonly (string | null)[];
  readonly paramIndexes: readonly number[];
  readonly paramNames: readonly string[];
}

interface ParsedDefinition {
  readonly definition: RouteDefinition;
  /** Its own template: routes sharing a path may name their parameters differently. */
  readonly parsed: ParsedTemplate | null;
}

/** Mutable grouping while compiling: path → method → version → definition. */
interface PathGroup {
  readonly label: string;
  readonly segments: readonly (string | null)[] | null;
  readonly pattern: RegExp | null;
  readonly methods: Map<string, Map<string, ParsedDefinition>>;
}

/**
 * Builds the dispatch structures once: a segment trie for templates (one node per path, shared
 * by every method and version), RegExp paths in registration order, and every per-path answer
 * (`Allow`, supported versions, deprecation headers) precomputed.
 */
export function compileRoutes(definitions: readonly RouteDefinition[]): RouteTable {
  const groups = new Map<string, PathGroup>();

  for (const definition of definitions) {
    checkDefinition(definition);
    const { path } = definition;
    let key: string;
    let parsed: ParsedTemplate | null = null;
    if (typeof path === 'string') {
      parsed = parseTemplate(path);
      // `{a}` and `{b}` in the same place name the same path.
      key = 't:' + parsed.segments.map((segment) => (segment === null ? '{}' : segment)).join('/');
    } else {
      key = 'r:' + String(path);
    }
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        label: String(path),
        segments: parsed?.segments ?? null,
        pattern: typeof path === 'string' ? null : path,
        methods: new Map(),
      };
      groups.set(key, group);
    }
    let versions = group.methods.get(definition.method);
    if (versions === undefined) {
      versions = new Map();
      group.methods.set(definition.method, versions);
    }
    if (versions.has(definition.version)) {
      throw new RouteDefinitionError(
        'duplicate-route',
        `${definition.method} ${String(path)} version ${definition.version} is registered twice` +
          (group.label === String(path) ? '' : ` (as ${group.label})`),
      );
    }
    versions.set(definition.version, { definition, parsed });
  }

  const root = newNode();
  const regExpPaths: RegExpPath[] = [];
  const knownVersions = new Set<string>();
  // Map iteration follows first registration, which keeps RegExp paths in registration order.
  for (const group of groups.values()) {
    const entry = compilePath(group, knownVersions);
    if (group.segments !== null) {
      nodeFor(root, group.segments).path = entry;
    } else if (group.pattern !== null) {
      regExpPaths.push({ pattern: group.pattern, entry });
    }
  }
  freezeLookups(root);
  return { root, regExpPaths, knownVersions, spans: [] };
}

function checkDefinition(definition: RouteDefinition): void {
  const where = `${String(definition.method)} ${String(definition.path)}`;
  if (!METHODS.has(definition.method)) {
    throw new RouteDefinitionError('invalid-method', `${where}: unknown method`);
  }
  if (typeof definition.version !== 'string' || !isValidVersion(definition.version)) {
    throw new RouteDefinitionError(
      'invalid-version',
      `${where}: version ${JSON.stringify(definition.version)} is not a YYYY-MM-DD date`,
    );
  }
  if (typeof definition.handler !== 'function') {
    throw new RouteDefinitionError('invalid-handler', `${where}: handler is not a function`);
  }
  const deprecated = definition.deprecated;
  if (deprecated !== undefined) {
    for (const date of [deprecated.sunset, deprecated.since]) {
      if (date !== undefined && (typeof date !== 'string' || !isValidVersion(date))) {
        throw new RouteDefinitionError(
          'invalid-deprecation',
          `${where} ${definition.version}: deprecation date ${JSON.stringify(date)} is not a YYYY-MM-DD date`,
        );
      }
    }
  }
  const path = definition.path;
  if (path instanceof RegExp) {
    // A global or sticky RegExp keeps state between exec() calls: matching would depend on history.
    if (path.global || path.sticky) {
      throw new RouteDefinitionError('invalid-path', `${where}: RegExp routes may not use the g or y flag`);
    }
  } else if (typeof path !== 'string') {
    throw new RouteDefinitionError('invalid-path', `${where}: path must be a template string or a RegExp`);
  }
}

function parseTemplate(template: string): ParsedTemplate {
  if (!template.startsWith('/')) {
    throw new RouteDefinitionError('invalid-path', `path template ${JSON.stringify(template)} must start with /`);
  }
  const segments: (string | null)[] = [];
  const paramIndexes: number[] = [];
  const paramNames: string[] = [];
  template.split('/').forEach((segment, position) => {
    if (position === 0) return;
    const index = position - 1;
    const param = PARAM_SEGMENT.exec(segment);
    if (param !== null) {
      const name = param[1] as string;
      if (paramNames.includes(name)) {
        throw new RouteDefinitionError('invalid-path', `path template ${template} repeats {${name}}`);
      }
      segments.push(null);
      paramIndexes.push(index);
      paramNames.push(name);
    } else if (segment.includes('%')) {
      // Requests are matched decoded; a literal template keeps that comparison unambiguous.
      throw new RouteDefinitionError('invalid-path', `path template ${template}: write segments unencoded (no %)`);
    } else if (segment.includes('{') || segment.includes('}')) {
      throw new RouteDefinitionError(
        'invalid-path',
        `path template ${template}: a parameter must be a whole segment such as {id}`,
      );
    } else {
      segments.push(segment);
    }
  });
  return { segments, paramIndexes, paramNames };
}

function compilePath(group: PathGroup, knownVersions: Set<string>): PathEntry {
  const methods: MethodEntry[] = [];
  for (const [method, definitions] of group.methods) {
    const supportedVersions = newestFirst(definitions.keys());
    const routes: CompiledRoute[] = [];
    supportedVersions.forEach((version, index) => {
      knownVersions.add(version);
      const { definition, parsed } = definitions.get(version) as ParsedDefinition;
      routes.push({
        definition,
        version,
        paramIndexes: parsed?.paramIndexes ?? [],
        paramNames: parsed?.paramNames ?? [],
        readsBody: definition.schemas?.body !== undefined || BODY_METHODS.has(definition.method),
        deprecationHeaders: deprecationHeaders(definition, supportedVersions[index - 1]),
      });
    });
    const unsupportedVersion = routerProblems.unsupportedVersion(supportedVersions);
    methods.push({
      method,
      routes,
      supportedVersions,
      unsupportedVersion,
      unsupportedVersionJson: JSON.stringify(unsupportedVersion),
    });
  }
  return { label: group.label, methods, allow: methods.map((entry) => entry.method).join(', ') };
}

function deprecationHeaders(
  definition: RouteDefinition,
  successor: string | undefined,
): Readonly<Record<string, string>> | null {
  const deprecated = definition.deprecated;
  if (deprecated === undefined) return null;
  const since = versionDate(deprecated.since ?? successor ?? definition.version);
  return {
    // RFC 9745: a structured-field date, seconds since the epoch.
    Deprecation: `@${Math.floor(since.getTime() / 1000)}`,
    // RFC 8594: an HTTP-date (IMF-fixdate, which toUTCString produces).
    Sunset: versionDate(deprecated.sunset).toUTCString(),
  };
}

function newNode(): TrieNode {
  return { staticChildren: new Map(), staticList: [], staticTable: null, paramChild: null, path: null };
}

/** Up to this many static children, scanning them beats a hash lookup. */
const SHORT_LIST = 4;

function freezeLookups(node: TrieNode): void {
  node.staticList = [...node.staticChildren].map(([label, child]) => ({ label, node: child }));
  node.staticTable = node.staticList.length > SHORT_LIST ? staticTable(node.staticList) : null;
  for (const child of node.staticChildren.values()) freezeLookups(child);
  if (node.paramChild !== null) freezeLookups(node.paramChild);
}

function staticTable(children: readonly StaticChild[]): StaticTable {
  let size = 8;
  while (size < children.length * 2) size *= 2;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const slots: (StaticChild | undefined)[] = new Array<StaticChild | undefined>(size).fill(undefined);
  for (const child of children) {
    const key = segmentKey(child.label, 0, child.label.length);
    let slot = key & mask;
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = key;
    slots[slot] = child;
  }
  return { mask, keys, children: slots };
}

function nodeFor(root: TrieNode, segments: readonly (string | null)[]): TrieNode {
  let node = root;
  for (const segment of segments) {
    if (segment === null) {
      node.paramChild ??= newNode();
      node = node.paramChild;
    } else {
      let child = node.staticChildren.get(segment);
      if (child === undefined) {
        child = newNode();
        node.staticChildren.set(segment, child);
      }
      node = child;
    }
  }
  return node;
}
