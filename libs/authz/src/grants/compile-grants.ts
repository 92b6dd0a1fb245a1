import type { Grant } from '../key-map/key-map.js';
import { parsePathTemplate, type TemplateSegment } from './path-template.js';

/** A key's grants, compiled: answers "is this request granted?" without building anything per request. */
export interface CompiledGrants {
  allows(method: string, path: string, queryParameterNames: readonly string[]): boolean;
}

/**
 * Compiled pieces shared by every key compiled with the same cache (parsed templates and
 * query-name sets), so 10,000 keys drawing on the same few grant shapes hold them once.
 */
export class GrantMatcherCache {
  private readonly templates = new Map<string, readonly TemplateSegment[]>();
  private readonly queryRules = new Map<string, ReadonlySet<string>>();

  template(path: string): readonly TemplateSegment[] {
    let segments = this.templates.get(path);
    if (segments === undefined) {
      const parsed = parsePathTemplate(path);
      // parseKeyMap rejects such templates; reaching this is a programming error.
      if (typeof parsed === 'string') throw new TypeError(`invalid path template: ${parsed}`);
      segments = parsed;
      this.templates.set(path, segments);
    }
    return segments;
  }

  queryRule(names: readonly string[]): ReadonlySet<string> {
    const id = JSON.stringify([...names].sort());
    let rule = this.queryRules.get(id);
    if (rule === undefined) {
      rule = new Set(names);
      this.queryRules.set(id, rule);
    }
    return rule;
  }
}

/**
 * One node of a per-method segment trie. A request path is walked segment by segment: a
 * literal child must equal the segment exactly, the param child takes any non-empty segment.
 * Grants whose template ends at a node leave their allowed query names there.
 */
interface PathNode {
  literals: Map<string, PathNode> | undefined;
  param: PathNode | undefined;
  queryRules: ReadonlySet<string>[] | undefined;
}

function newNode(): PathNode {
  return { literals: undefined, param: undefined, queryRules: undefined };
}

/**
 * Compiles grants into one segment trie per method. Matching is anchored by construction (the
 * walk must consume the whole path and end on a grant), `{name}` is one non-empty segment, and
 * everything else is compared as a plain string — no regular expression, nothing to escape.
 */
export function compileGrants(grants: readonly Grant[], cache: GrantMatcherCache = new GrantMatcherCache()): CompiledGrants {
  const byMethod = new Map<string, PathNode>();
  for (const grant of grants) {
    let node = byMethod.get(grant.method);
    if (node === undefined) {
      node = newNode();
      byMethod.set(grant.method, node);
    }
    for (const segment of cache.template(grant.path)) {
      if ('param' in segment) {
        node.param ??= newNode();
        node = node.param;
      } else {
        node.literals ??= new Map();
        let child = node.literals.get(segment.literal);
        if (child === undefined) {
          child = newNode();
          node.literals.set(segment.literal, child);
        }
        node = child;
      }
    }
    const rule = cache.queryRule(grant.queryParameters);
    node.queryRules ??= [];
    if (!node.queryRules.includes(rule)) node.queryRules.push(rule);
  }
  return {
    allows(method, path, queryParameterNames) {
      const root = byMethod.get(method);
      return root !== undefined && path.charCodeAt(0) === SLASH && walk(root, path, 0, queryParameterNames);
    },
  };
}

const SLASH = 0x2f;

/** `start` is the index of the `/` that opens the next segment, or `path.length` when done. */
function walk(node: PathNode, path: string, start: number, query: readonly string[]): boolean {
  if (start === path.length) return node.queryRules !== undefined && queryAllowed(node.queryRules, query);
  let end = path.indexOf('/', start + 1);
  if (end === -1) end = path.length;
  if (node.literals !== undefined) {
    const child = node.literals.get(path.slice(start + 1, end));
    if (child !== undefined && walk(child, path, end, query)) return true;
  }
  return node.param !== undefined && end > start + 1 && walk(node.param, path, end, query);
}

function queryAllowed(rules: readonly ReadonlySet<string>[], names: readonly string[]): boolean {
  for (const allowed of rules) {
    let all = true;
    for (const name of names) {
      if (!allowed.has(name)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
