import type { Kysely } from 'kysely';
import {
  createDatabase,
  migrateToLatest,
  seedDemoData,
  startEmbeddedPostgres,
} from '@tollgate/domain-resources/dev';

export interface LocalDatabase {
  /** The URL the resources Lambda gets as `DATABASE_URL`. */
  readonly url: string;
  readonly embedded: boolean;
  /** Rows the demo seed inserted or restored. */
  readonly seededRows: number;
  /** Stops the embedded server; leaves a `DATABASE_URL` server alone. */
  stop(): Promise<void>;
}

async function withDatabase<DB, T>(url: string, use: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const db = createDatabase<DB>({ connectionString: url }, { max: 1 });
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The database behind `npm start`: the given server, or an embedded PostgreSQL (PGlite over the
 * wire protocol). Either way migrated to the latest schema and seeded with the demo data, both
 * idempotent, so restarting against the same `DATABASE_URL` is safe.
 */
export async function prepareDatabase(databaseUrl: string | undefined): Promise<LocalDatabase> {
  const embedded = databaseUrl ? undefined : await startEmbeddedPostgres();
  const url = databaseUrl ?? embedded?.url ?? '';
  try {
    await withDatabase<unknown, string[]>(url, migrateToLatest);
    const seededRows = await withDatabase(url, seedDemoData);
    return { url, embedded: !!embedded, seededRows, stop: async () => embedded?.stop() };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
