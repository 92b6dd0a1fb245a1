import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase } from './create-database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateToLatest } from './migrate.js';

export interface ScratchDatabase {
  /** URL of a fresh, migrated database that belongs to the caller alone. */
  readonly url: string;
  /** Drops the database (or stops the embedded server). */
  drop(): Promise<void>;
}

/**
 * A fresh migrated database for one test file or tool run. With `serverUrl` (usually
 * DATABASE_URL) it creates `tg_test_<random>` on that server, because several projects' tests
 * share it in parallel; without, it starts an embedded PGlite server.
 */
export async function createScratchDatabase(serverUrl?: string): Promise<ScratchDatabase> {
  const scratch = serverUrl ? await createOnServer(serverUrl) : await createEmbedded();
  try {
    const db = createDatabase<unknown>({ connectionString: scratch.url }, { max: 1 });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    return scratch;
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

async function createEmbedded(): Promise<ScratchDatabase> {
  const server = await startEmbeddedPostgres();
  return { url: server.url, drop: () => server.stop() };
}

async function createOnServer(serverUrl: string): Promise<ScratchDatabase> {
  const name = `tg_test_${randomBytes(6).toString('hex')}`;
  const admin = createDatabase<unknown>({ connectionString: serverUrl }, { max: 1 });
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
      } finally {
        await admin.destroy();
      }
    },
  };
}
