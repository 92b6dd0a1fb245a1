import type { Grant } from './grant.js';
import { parsePathTemplate } from './path-template.js';
import { RouteTable, type QueryRule, type RouteAcceptor } from './route-table.js';

/**
 * The index of grants: for a known key's compiled grant set ("slot"), whether a method, path
 * and query parameter names are granted. It holds the compiled grants of many keys, stored
 * column-wise: one shared `RouteTable` for matching, and for each slot a bitset of the route
 * ids it grants plus, beside them, the query-name lists each route allows (read only when a
 * request has query parameters). A decision touches the route trie (shared, stays in CPU cache) and one or two
 * words of one slot, however many keys there are: with 10,000 keys, chasing per-key objects
 * (maps, tries) costs more in cache misses than the matching.
 *
 * Layout of a slot in `cells`, at its offset: [bitset words w, route count n, w bitset words,
 * n query-rule set ids, n route ids], routes in ascending id order. Sorted, a granted route's
 * position is its rank in the bitset (the granted ids below it), so a request with query names
 * finds its rules by counting bits, not by scanning the route ids; and its rule set id sits
 * right after the bitset, usually in the cache line the bit test read (the route ids, read only
 * when another slot is combined from this one, come last).
 */
export class GrantIndex implements RouteAcceptor {
  private readonly routes = new RouteTable();
  /** The API's path templates this index was built with (`GrantIndexOptions.servedPaths`). */
  readonly servedPaths: readonly string[];
  private cells = new Int32Array(1024);
  private used = 0;
  /** Distinct lists of query rules, by id (`ruleSetIds` finds a list's id). */
  private readonly ruleSets: (readonly QueryRule[])[] = [];
  private readonly ruleSetIds = new Map<string, number>();
  /**
   * Compiled slots by content, so equal grant sets — a plan in every shard and every reload,
   * keys with the same plans — share one slot. A table can thus serve all shards and loads
   * of a map (see `size` for the bound).
   */
  private readonly slotsByContent = new Map<string, number>();

  /** Throws `TypeError` naming an invalid served path template. */
  constructor(options: GrantIndexOptions = {}) {
    this.servedPaths = [...(options.servedPaths ?? [])];
    for (const template of this.servedPaths) {
      const parsed = parsePathTemplate(template);
      if (typeof parsed === 'string') throw new TypeError(`served path ${JSON.stringify(template)} ${parsed}`);
      this.routes.servePath(parsed);
    }
  }

  /** Cells used: what a long-lived shared table has grown to (it only grows with new content). */
  get size(): number {
    return this.used;
  }

  /** The slot of a grant set, compiled on its first appearance. */
  add(grants: readonly Grant[]): number {
    return this.combine([], grants);
  }

  /**
   * The slot granting everything the given slots grant plus `grants` (how a key with several
   * plans, or with grants of its own, is compiled from its plans' slots), compiled on first use.
   */
  combine(slots: readonly number[], grants: readonly Grant[]): number {
    const content = `${[...slots].sort((a, b) => a - b).join(',')}|${JSON.stringify(grants)}`;
    let slot = this.slotsByContent.get(content);
    if (slot === undefined) {
      slot = this.compile(slots, grants);
      this.slotsByContent.set(content, slot);
    }
    return slot;
  }

  private compile(slots: readonly number[], grants: readonly Grant[]): number {
    const routeIds: number[] = [];
    const rules: (readonly QueryRule[])[] = [];
    const append = (routeId: number, more: readonly QueryRule[]) => {
      const at = routeIds.indexOf(routeId);
      if (at === -1) {
        routeIds.push(routeId);
        rules.push(more);
      } else {
        const existing = rules[at] ?? [];
        rules[at] = [...existing, ...more.filter((rule) => !existing.includes(rule))];
      }
    };
    for (const from of slots) {
      const count = this.cells[from + 1] ?? 0;
      const ruleSetsAt = from + 2 + (this.cells[from] ?? 0);
      for (let i = 0; i < count; i++) append(this.cells[ruleSetsAt + count + i] ?? -1, this.ruleSets[this.cells[ruleSetsAt + i] ?? -1] ?? []);
    }
    for (const grant of grants) {
      const routeId = this.routes.routeId(grant.method, this.routes.segments(grant.path, parsePathTemplate));
      append(routeId, [this.routes.queryRule(grant.queryParameters)]);
    }

    const words = Math.ceil(this.routes.count / 32);
    const count = routeIds.length;
    this.reserve(2 + words + 2 * count);
    const slot = this.used;
    const cells = this.cells;
    cells[slot] = words;
    cells[slot + 1] = count;
    const first = slot + 2 + words;
    // Ascending ids: a route's position is its rank (see acceptsRoute).
    const order = routeIds.map((_, i) => i).sort((a, b) => (routeIds[a] ?? 0) - (routeIds[b] ?? 0));
    order.forEach((from, i) => {
      const routeId = routeIds[from] ?? -1;
      cells[slot + 2 + (routeId >>> 5)] = (cells[slot + 2 + (routeId >>> 5)] ?? 0) | (1 << (routeId & 31));
      cells[first + i] = this.ruleSetId(rules[from] ?? []);
      cells[first + count + i] = routeId;
    });
    this.used = first + 2 * count;
    return slot;
  }

  /** Whether the grant set of `key` grants this request, or why not. */
  check(key: GrantedKey, method: string, path: string, queryParameterNames: readonly string[]): GrantCheck {
    return this.routes.matches(method, path, this, key.grantSlot, queryParameterNames) ? 'allowed' : 'no-matching-grant';
  }

  acceptsRoute(slot: number, routeId: number, queryParameterNames: readonly string[]): boolean {
    const cells = this.cells;
    const word = routeId >>> 5;
    const words = cells[slot] ?? 0;
    // Routes registered after the slot was compiled are beyond its bitset: not granted.
    if (word >= words) return false;
    const bits = cells[slot + 2 + word] ?? 0;
    const bit = routeId & 31;
    if ((bits & (1 << bit)) === 0) return false;
    if (queryParameterNames.length === 0) return true;
    // The route's position among the slot's ascending route ids: the granted ids below it.
    let rank = bitCount(bits & ~(-1 << bit));
    for (let w = slot + 2, end = slot + 2 + word; w < end; w++) rank += bitCount(cells[w] ?? 0);
    return queryAllowed(this.ruleSets[cells[slot + 2 + words + rank] ?? -1] ?? [], queryParameterNames);
  }

  /** The id of a list of query rules, registered on first use (lists of the same rules share one). */
  private ruleSetId(rules: readonly QueryRule[]): number {
    const content = JSON.stringify(rules);
    let id = this.ruleSetIds.get(content);
    if (id === undefined) {
      id = this.ruleSets.push(rules) - 1;
      this.ruleSetIds.set(content, id);
    }
    return id;
  }

  private reserve(length: number): void {
    if (this.used + length <= this.cells.length) return;
    const grown = new Int32Array(Math.max(this.cells.length * 2, this.used + length));
    grown.set(this.cells);
    this.cells = grown;
  }
}

export interface GrantIndexOptions {
  /**
   * Every path template the API serves (its router's templates, e.g. `/resources/{id}`). A
   * request is judged on the template the router would serve it from: a key granted
   * `/resources/{id}` is denied `/resources/search` once `/resources/search` is served, even if
   * no key is granted it. Granted templates are paths too (known once a key granted one has been
   * judged), so a served path missing here still counts once some key is granted it. Default:
   * none — then a served template no key is granted is invisible: give the served paths.
   */
  readonly servedPaths?: readonly string[];
}

/** A key whose grant set the index compiled (`add`/`combine` gave its slot). */
export interface GrantedKey {
  readonly grantSlot: number;
}

/** A request is allowed, or the reason it is not (the Deny policy's `context.reason`). */
export type GrantCheck = 'allowed' | DenyReason;
export type DenyReason = 'no-matching-grant';

/** The number of set bits of a 32-bit word (SWAR: a few arithmetic steps, no loop). */
function bitCount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Some one rule lists every name. */
function queryAllowed(rules: readonly QueryRule[], names: readonly string[]): boolean {
  for (let r = 0; r < rules.length; r++) {
    const allowed = rules[r] ?? [];
    let all = true;
    for (let n = 0; n < names.length && all; n++) all = lists(allowed, names[n]);
    if (all) return true;
  }
  return false;
}

function lists(rule: QueryRule, name: string | undefined): boolean {
  for (let i = 0; i < rule.length; i++) if (rule[i] === name) return true;
  return false;
}
