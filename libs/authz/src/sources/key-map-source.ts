/**
 * Where a key map comes from. `load` returns the raw map — JSON text, or an already parsed
 * value — and rejects with `KeyMapSourceError` when the source cannot be read. Sources do not
 * cache or validate: the loader does both, the same way for every source.
 */
export interface KeyMapSource {
  /** Names the source in logs (a file path or secret id, never content). */
  readonly description: string;
  load(): Promise<unknown>;
}
