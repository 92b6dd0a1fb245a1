import { GrantIndex } from '../grants/grant-index.js';
import { compileSharedKeyMap, type CompiledKeyMap, type SharedCompilation } from '../key-map/compile-key-map.js';
import type { ShardInfo } from '../key-map/format.js';
import { KeyMapFormatError } from '../key-map/key-map-format-error.js';
import { PresentedKeys } from '../key-map/presented-keys.js';
import type { UsageIdentifiers } from '../key-map/usage-plans.js';
import { consoleJsonLogger, type AuthzLogger, type LogFields } from '../logging/logger.js';
import { KeyMapSourceError } from '../sources/key-map-source-error.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import type { KeyMapProvider } from './key-map-provider.js';

export interface CachingKeyMapLoaderOptions {
  readonly source: KeyMapSource;
  /** How long a loaded map is used before it is reloaded. Default 10 s: the revocation delay (cost: libs/authz/README.md). */
  readonly ttlMs?: number;
  /**
   * How long past its TTL the last good map keeps serving while reloads fail. Default 300 s;
   * after that every request is denied until a load succeeds.
   */
  readonly graceMs?: number;
  /** Least time between two load attempts after a failure, so an outage is not hammered. Default 5 s. */
  readonly retryAfterMs?: number;
  readonly logger?: AuthzLogger;
  readonly now?: () => number;
  /** The API's path templates, so requests are judged on the route the router serves (`GrantIndexOptions.servedPaths`). */
  readonly servedPaths?: readonly string[];
  /** What the Allow's `usageIdentifierKey` is: one per key (default) or one per usage plan. */
  readonly usageIdentifiers?: UsageIdentifiers;
}

/**
 * What a `ShardedKeyMapLoader` hands each of its shards' loaders: the shard expected, and the
 * grant index and presented-key memo all shards share.
 */
export interface ShardLoading extends SharedCompilation {
  readonly shard?: ShardInfo;
}

export const DEFAULT_TTL_MS = 10_000;
export const DEFAULT_GRACE_MS = 300_000;
export const DEFAULT_RETRY_AFTER_MS = 5_000;
/** 16 MB of compiled grants: far beyond any map's, reached only if grant content keeps changing. */
const MAX_SHARED_GRANT_CELLS = 4_000_000;

/**
 * Loads, validates and caches a key map (either format) from a source. Never throws: a failure is logged once
 * per attempt and answered with the last good map within its grace period, else `undefined`.
 * Concurrent callers share one load; while a reload is in flight, callers other than the one
 * that started it are answered with the last good map if it is within its grace period.
 */
export class CachingKeyMapLoader implements KeyMapProvider {
  private readonly source: KeyMapSource;
  private readonly ttlMs: number;
  private readonly graceMs: number;
  private readonly retryAfterMs: number;
  private readonly logger: AuthzLogger;
  private readonly now: () => number;
  private readonly shard: ShardInfo | undefined;
  private readonly usageIdentifiers: UsageIdentifiers | undefined;
  private grants: GrantIndex;
  private readonly presentedKeys: PresentedKeys;
  private current: { readonly map: CompiledKeyMap; readonly loadedAt: number } | undefined;
  private lastFailureAt: number | undefined;
  private loading: Promise<CompiledKeyMap | undefined> | undefined;

  constructor(options: CachingKeyMapLoaderOptions, shared: ShardLoading = {}) {
    this.source = options.source;
    this.ttlMs = nonNegative('ttlMs', options.ttlMs ?? DEFAULT_TTL_MS);
    this.graceMs = nonNegative('graceMs', options.graceMs ?? DEFAULT_GRACE_MS);
    this.retryAfterMs = nonNegative('retryAfterMs', options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
    this.logger = options.logger ?? consoleJsonLogger;
    this.now = options.now ?? Date.now;
    this.shard = shared.shard;
    this.usageIdentifiers = options.usageIdentifiers;
    // Kept across loads: equal plans compile once, and a key is hashed once per instance.
    this.grants = shared.grants ?? new GrantIndex({ servedPaths: options.servedPaths });
    this.presentedKeys = shared.presentedKeys ?? new PresentedKeys();
  }

  keyMapFor(_apiKey?: string): Promise<CompiledKeyMap | undefined> {
    const now = this.now();
    if (this.current !== undefined && now - this.current.loadedAt < this.ttlMs) return Promise.resolve(this.current.map);
    // The request that started a reload waits for it; others meanwhile get the last good map,
    // as they would if the reload failed, rather than queueing behind a slow source.
    if (this.loading !== undefined) {
      const lastGood = this.usableAt(now);
      return lastGood !== undefined ? Promise.resolve(lastGood) : this.loading;
    }
    if (this.lastFailureAt !== undefined && now - this.lastFailureAt < this.retryAfterMs) {
      return Promise.resolve(this.usableAt(now));
    }
    this.loading = this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<CompiledKeyMap | undefined> {
    const started = this.now();
    try {
      const source = this.source.description;
      const map = compileSharedKeyMap(asJson(await this.source.load()), {
        now: this.now,
        shard: this.shard,
        grants: this.grantIndexForLoad(),
        presentedKeys: this.presentedKeys,
        usageIdentifiers: this.usageIdentifiers,
        // A bad entry (found when its key is first used) disables that key only.
        onInvalidEntry: (issues) => this.logger.error('key map entry invalid; the key is unusable', { source, issues: issues.join('; ') }),
      });
      this.current = { map, loadedAt: this.now() };
      this.lastFailureAt = undefined;
      this.logger.info('key map loaded', { source, keys: map.size, durationMs: this.now() - started });
      return map;
    } catch (error) {
      const now = this.now();
      this.lastFailureAt = now;
      const fallback = this.usableAt(now);
      this.logger.error(
        fallback
          ? 'key map load failed; serving the last good key map'
          : 'key map load failed; no usable key map, denying every request',
        { source: this.source.description, ...describeFailure(error), failClosed: fallback === undefined },
      );
      return fallback;
    }
  }

  private grantIndexForLoad(): GrantIndex {
    if (this.grants.size > MAX_SHARED_GRANT_CELLS) this.grants = new GrantIndex({ servedPaths: this.grants.servedPaths });
    return this.grants;
  }

  private usableAt(now: number): CompiledKeyMap | undefined {
    return this.current !== undefined && now - this.current.loadedAt < this.ttlMs + this.graceMs
      ? this.current.map
      : undefined;
  }
}

function asJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    // JSON.parse's message quotes the input, which may hold keys: report the fact only.
    throw new KeyMapFormatError(['key map is not valid JSON']);
  }
}

/** What a failure log line may say: our errors' own messages, only the name of anything else. */
function describeFailure(error: unknown): LogFields {
  if (error instanceof KeyMapSourceError) return { error: error.name, reason: error.message, cause: error.causeName };
  if (error instanceof KeyMapFormatError) return { error: error.name, reason: error.message };
  const name = (error as { name?: unknown } | null)?.name;
  return { error: typeof name === 'string' ? name : typeof error };
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}
