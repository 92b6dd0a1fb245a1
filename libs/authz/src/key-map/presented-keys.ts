import type { KeyLookup } from './key-directory.js';
import { hashedKeyName } from './key-names.js';

/** What is known of one presented key string, worked out once and then only read. */
export interface PresentedKey {
  readonly value: string;
  /** `sha256:<hex>` of the key, computed on first need: the only hashing a key ever gets. */
  hashedName: string | undefined;
  /** The shard holding the key, for a sharded map's shard count; -1 until picked. */
  shard: number;
  /** The id of the directory `lookup` was found in; another one (a reload, another shard) looks again. */
  directoryId: number;
  lookup: KeyLookup | undefined;
}

/** Most presented keys remembered; past it the memo starts over, so a flood of random keys costs hashing, never memory. */
const LIMIT = 32_768;

/**
 * The one memo from a presented key to what is known of it, shared by everything that judges
 * the key — a sharded loader's shard pick, then the decision in that shard's directory, across
 * reloads — so a key is hashed once and a warm request reads the memo once. The record last
 * handed out is checked first: a shard pick and the decision that follows it ask for the same key.
 */
export class PresentedKeys {
  private readonly byValue = new Map<string, PresentedKey>();
  private last: PresentedKey | undefined;

  /** The record of a key presented before, or undefined. */
  find(value: string): PresentedKey | undefined {
    const last = this.last;
    if (last !== undefined && last.value === value) return last;
    const record = this.byValue.get(value);
    if (record !== undefined) this.last = record;
    return record;
  }

  /** A new record; only for strings that may be keys (`isPresentableKey`), so the memo never holds junk. */
  add(value: string): PresentedKey {
    if (this.byValue.size >= LIMIT) this.byValue.clear();
    const record: PresentedKey = { value, hashedName: undefined, shard: -1, directoryId: -1, lookup: undefined };
    this.byValue.set(value, record);
    this.last = record;
    return record;
  }

  hashedName(record: PresentedKey): string {
    return (record.hashedName ??= hashedKeyName(record.value));
  }
}
