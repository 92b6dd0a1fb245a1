import type { KeyLookup } from './key-directory.js';
import { hashedKeyName } from './key-names.js';

/** Most presented keys remembered; past it the memo starts over, so a flood of random keys costs hashing, never memory. */
const LIMIT = 32_768;

/**
 * The one memo from a presented key to what is known of it, shared by everything that judges
 * the key — a sharded loader's shard pick, then the decision in that shard's directory, across
 * reloads — so a key is hashed once and a warm request reads the memo once. The key asked for
 * last is checked first: a shard pick and the decision that follows it ask for the same key.
 *
 * Kept column-wise: the map gives a presented key's number (`id`, a small integer the engine
 * stores unboxed in the map), and dense arrays indexed by it hold what is known of the key.
 * A warm lookup thus reads the map, then arrays that stay in cache — no record object per key
 * to chase across the heap, which with 10,000 keys cost a cache miss on every request. An id
 * is valid until the next `add`, which may start the memo over: use it at once, never keep it.
 */
export class PresentedKeys {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  /** `sha256:<hex>` of the key, computed on first need: the only hashing a key ever gets. */
  private readonly hashedNames: (string | undefined)[] = [];
  /** The shard holding the key, for the one shard count of the loader owning the memo; -1 until picked. */
  private readonly shards: number[] = [];
  /** The id of the directory `lookups` holds the answer of; another one (a reload, another shard) looks again. */
  private readonly directoryIds: number[] = [];
  private readonly lookups: (KeyLookup | undefined)[] = [];
  private lastValue: string | undefined;
  private lastId = -1;

  /** The id of a key presented before, or -1. */
  idOf(value: string): number {
    if (value === this.lastValue) return this.lastId;
    const id = this.ids.get(value);
    if (id === undefined) return -1;
    this.lastValue = value;
    this.lastId = id;
    return id;
  }

  /** A new id; only for strings that may be keys (`isPresentableKey`), so the memo never holds junk. */
  add(value: string, hashedName?: string): number {
    if (this.values.length >= LIMIT) this.clear();
    const id = this.values.length;
    this.ids.set(value, id);
    this.values.push(value);
    this.hashedNames.push(hashedName);
    this.shards.push(-1);
    this.directoryIds.push(-1);
    this.lookups.push(undefined);
    this.lastValue = value;
    this.lastId = id;
    return id;
  }

  value(id: number): string {
    return this.values[id] ?? '';
  }

  hashedName(id: number): string {
    let name = this.hashedNames[id];
    if (name === undefined) {
      name = hashedKeyName(this.value(id));
      this.hashedNames[id] = name;
    }
    return name;
  }

  /** The key's shard, or -1 until `rememberShard`. */
  shard(id: number): number {
    return this.shards[id] ?? -1;
  }

  rememberShard(id: number, shard: number): void {
    this.shards[id] = shard;
  }

  /** What directory `directoryId` said of the key, if it is the directory that judged it last. */
  lookupIn(id: number, directoryId: number): KeyLookup | undefined {
    return this.directoryIds[id] === directoryId ? this.lookups[id] : undefined;
  }

  rememberLookup(id: number, directoryId: number, lookup: KeyLookup): void {
    this.directoryIds[id] = directoryId;
    this.lookups[id] = lookup;
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.values.length;
  }

  private clear(): void {
    this.ids.clear();
    // Emptied, not replaced: the arrays keep their (packed) element kinds.
    this.values.length = 0;
    this.hashedNames.length = 0;
    this.shards.length = 0;
    this.directoryIds.length = 0;
    this.lookups.length = 0;
    this.lastValue = undefined;
    this.lastId = -1;
  }
}
