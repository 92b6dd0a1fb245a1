import type { CreateDatabaseOptions } from './create-database.js';
import { ConfigError, type DatabaseSource } from './database-config.js';
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
  options: CreateDatabaseOptions = {},
): LazyResourceStore {
  let opening: Promise<OpenStore> | undefined;
  const open = () =>
    (opening ??= import('./open-postgres-store.js')
      .then(({ openPostgresResourceStore }) => openPostgresResourceStore(source, options))
      .catch((error: unknown) => {
        opening = undefined;
        // A malformed secret is a configuration fault (500); failing to fetch it is transient.
        throw error instanceof ConfigError ? error : new DatabaseUnavailableError('credentials-unavailable', { cause: error });
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
