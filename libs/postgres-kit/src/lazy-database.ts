import type { Kysely } from 'kysely';
import { ConfigError } from '@tollgate/runtime-kit';
import type { PoolSettings } from './create-database.js';
import type { DatabaseEndpoint, DatabaseSource } from './database-config.js';
import { DatabaseUnavailableError } from './database-errors.js';

export interface LazyDatabase<DB> {
  /** The database, opened by the first call; a failed opening is retried by the next. */
  get(): Promise<Kysely<DB>>;
  /** Ends the pool, if one was opened. */
  close(): Promise<void>;
}

/**
 * A database that loads Kysely and `pg` (and, for `DB_SECRET_ID`, the AWS SDK) on its first
 * query. Created once per Lambda container, outside the handler: the cold start pays only for
 * modules that run, and a failed opening (secret not readable yet) is retried by the next request.
 */
export function lazyDatabase<DB>(
  source: DatabaseSource,
  endpoint: DatabaseEndpoint,
  options: PoolSettings = {},
): LazyDatabase<DB> {
  let opening: Promise<Kysely<DB>> | undefined;
  return {
    get: () =>
      (opening ??= withNavigator(() => import('./connection-targets.js'))
        .then(({ openDatabase }) => openDatabase<DB>(source, endpoint, options))
        .catch((error: unknown) => {
          opening = undefined;
          // Failing to read the secret is transient (503); a malformed one is a configuration fault.
          throw source.kind === 'secret' && !(error instanceof ConfigError)
            ? new DatabaseUnavailableError('credentials-unavailable', { cause: error })
            : error;
        })),
    async close() {
      const current = opening;
      opening = undefined;
      if (current) await (await current).destroy();
    },
  };
}

/**
 * `pg` checks at load whether it runs on Cloudflare Workers. Where `navigator` is missing
 * (Node 20; Node 21+ and the Lambda Node.js 24 runtime have it) it constructs a fetch
 * `Response`, which loads Node's whole fetch stack (undici, http, http2, zlib, worker_threads):
 * about a third of the first query's cost. While `pg` loads, give Node 20 the answer newer
 * Node versions give, then take it away again.
 */
async function withNavigator<T>(load: () => Promise<T>): Promise<T> {
  if ('navigator' in globalThis) return load();
  Object.defineProperty(globalThis, 'navigator', {
    value: { userAgent: `Node.js/${process.versions.node}` },
    configurable: true,
  });
  try {
    return await load();
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}
