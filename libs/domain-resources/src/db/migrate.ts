import type { Kysely } from 'kysely';
import { migrateToLatest as migrate, type DomainMigrations } from '@tollgate/postgres-kit/dev';
import { createResources } from './migrations/0001-create-resources.js';

/**
 * This domain's migrations. Recorded in Kysely's default `kysely_migration` table, where the
 * deployed databases already hold them; domains added later name their own table.
 */
export const resourceMigrations: DomainMigrations = {
  migrations: { '0001-create-resources': createResources },
};

/** Applies every pending migration of this domain; returns the names applied by this call. */
export const migrateToLatest = <DB>(db: Kysely<DB>): Promise<string[]> =>
  migrate(db, resourceMigrations);
