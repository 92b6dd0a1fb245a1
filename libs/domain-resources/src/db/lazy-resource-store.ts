import type { PoolSettings } from './create-database.js';
import { ConfigError } from '@tollgate/runtime-kit';
import type { DatabaseSource } from './database-config.js';
import { DatabaseUnavailableError } from './database-errors.js';
import type { OpenStore } from './open-postgres-store.js';
import type { ResourceStore } from '../resources/resource-store.js';

export interface LazyResourceStore extends ResourceStore {
  /** Ends the pool, if one was opened. */
  close(): Promise<void>;
}

/**
 * A store that loads Kysely and `pg` (and, for `DB_SECRET_ID`, the AWS SDK) on its first query.
 * Created once per Lambda container, outside the handler: the cold start pays only for modules
 * that run, and a failed opening (secret not readable yet) is retried by the next request.
 */
export function createLazyResourceStore(
  source: DatabaseSource,
  options: PoolSettings = {},
): LazyResourceStore {
  let opening: Promise<OpenStore> | undefined;
  const open = () =>
    (opening ??= withNavigator(() => import('./open-postgres-store.js'))
      .then(({ openPostgresResourceStore }) => openPostgresResourceStore(source, options))
      .catch((error: unknown) => {
        opening = undefined;
        // Failing to read the secret is transient (503); a malformed one is a configuration fault.
        throw source.kind === 'secret' && !(error instanceof ConfigError)
          ? new DatabaseUnavailableError('credentials-unavailable', { cause: error })
          : error;
      }));

  return {
    findById: async (companyId, id) => (await open()).store.findById(companyId, id),
    listPage: async (companyId, page) => (await open()).store.listPage(companyId, page),
    async close() {
      const current = opening;
      opening = undefined;
      if (current) await (await current).close();
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
