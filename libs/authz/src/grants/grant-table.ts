import type { Grant } from '../key-map/key-map.js';
import { parsePathTemplate } from './path-template.js';
import { RouteTable, type RouteAcceptor } from './route-table.js';

/**
 * The compiled grants of many keys, stored column-wise: one shared `RouteTable` for matching,
 * and for each compiled grant set ("slot") a run of route ids in one growing `Int32Array`,
 * with the query names each route allows beside it (a request without query parameters
 * never reads them). A decision touches the route trie (shared,
 * stays in CPU cache) and one short run of integers, however many keys there are: with 10,000
 * keys, chasing per-key objects (maps, tries) costs more in cache misses than the matching.
 */
export class GrantTable implements RouteAcceptor {
  private readonly routes = new RouteTable();
  /** Runs of route ids, each prefixed by its length; a slot is the offset of its run. */
  private runs = new Int32Array(1024);
  private used = 0;
  /** Parallel to `runs`: the query-name sets a route allows (one per grant naming the route). */
  private readonly queryRules: (readonly ReadonlySet<string>[])[] = [];

  /** Compiles a grant set into a new slot; returns the slot. */
  add(grants: readonly Grant[]): number {
    const slot = this.used;
    this.reserve(grants.length + 1);
    let end = slot + 1;
    for (const grant of grants) {
      const routeId = this.routes.routeId(grant.method, this.routes.segments(grant.path, parsePathTemplate));
      const rule = this.routes.queryRule(grant.queryParameters);
      const at = this.runs.subarray(slot + 1, end).indexOf(routeId);
      if (at === -1) {
        this.runs[end] = routeId;
        this.queryRules[end] = [rule];
        end++;
      } else {
        this.queryRules[slot + 1 + at] = [...(this.queryRules[slot + 1 + at] ?? []), rule];
      }
    }
    this.runs[slot] = end - slot - 1;
    this.used = end;
    return slot;
  }

  allows(slot: number, method: string, path: string, queryParameterNames: readonly string[]): boolean {
    return this.routes.matches(method, path, this, slot, queryParameterNames);
  }

  acceptsRoute(slot: number, routeId: number, queryParameterNames: readonly string[]): boolean {
    const runs = this.runs;
    for (let i = slot + 1, end = i + (runs[slot] ?? 0); i < end; i++) {
      if (runs[i] === routeId) {
        return queryParameterNames.length === 0 || queryAllowed(this.queryRules[i] ?? [], queryParameterNames);
      }
    }
    return false;
  }

  private reserve(length: number): void {
    if (this.used + length <= this.runs.length) return;
    const grown = new Int32Array(Math.max(this.runs.length * 2, this.used + length));
    grown.set(this.runs);
    this.runs = grown;
  }
}

/** Some one rule lists every name. */
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
