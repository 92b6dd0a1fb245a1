import { lazyDatabase, type DatabaseSource, type PoolSettings } from '@tollgate/postgres-kit';
import { createPostgresResourceStore } from './postgres-resource-store.js';
import type { ResourcesDatabase } from './schema.js';
import type { ResourceStore } from '../resources/resource-store.js';

export interface LazyResourceStore extends ResourceStore {
  /** Ends the pool, if one was opened. */
  close(): Promise<void>;
}

/**
 * The store of the Lambda: its database opens on the first query (see `lazyDatabase`). Every
 * route of this domain is a GET, so it reads from the reader when one is configured.
 */
export function createLazyResourceStore(
  source: DatabaseSource,
  options: PoolSettings = {},
): LazyResourceStore {
  const database = lazyDatabase<ResourcesDatabase>(source, 'reader', options);
  const store = async () => createPostgresResourceStore(await database.get());
  return {
    findById: async (companyId, id) => (await store()).findById(companyId, id),
    listPage: async (companyId, page) => (await store()).listPage(companyId, page),
    close: () => database.close(),
  };
}
