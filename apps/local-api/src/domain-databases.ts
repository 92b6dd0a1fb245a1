import { prepareDemoDatabase as resources } from '@tollgate/domain-resources/dev';

/** Migrates a domain's tables in the database at `url` and loads its demo rows; returns how many. */
export type PrepareDemoDatabase = (url: string) => Promise<number>;

/**
 * Every domain on PostgreSQL, prepared in this order. Each domain records its migrations in its
 * own table, so all of them share the one local database.
 * `nx g @tollgate/nx-plugin:domain` appends new domains to this list.
 */
export const domainDatabases: readonly PrepareDemoDatabase[] = [resources];
