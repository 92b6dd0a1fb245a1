import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { createDatabase } from './create-database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ScratchDatabase {
  /** URL of a fresh, migrated database that belongs to the caller alone. */
  readonly url: string;
  /** Drops the database (or stops the embedded server). */
  drop(): Promise<void>;
}

/** Brings a fresh database to a domain's latest schema. */
export type MigrateFunction = (db: Kysely<unknown>) => Promise<unknown>;

/**
 * A fresh database migrated by `migrate`, for one test file or tool run. With `serverUrl` (usually
 * DATABASE_URL) it creates `tg_test_<time>_<random>` on that server, because several projects'
 * tests share it in parallel, first dropping ones an hour old (left by killed runs); without,
 * it starts an embedded PGlite server.
 */
export async function createScratchDatabase(
  serverUrl: string | undefined,
  migrate: MigrateFunction,
): Promise<ScratchDatabase> {
  const scratch = serverUrl ? await createOnServer(serverUrl) : await createEmbedded();
  try {
    const db = createDatabase<unknown>({ connectionString: scratch.url }, { max: 1 });
    try {
      await migrate(db);
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

const PREFIX = 'tg_test_';
/** A run older than this is over (it was killed before it could drop its database). */
const STALE_AFTER_MS = 60 * 60_000;

/** `tg_test_<creation time in unix seconds>_<random>`: the age is in the name, for the sweep. */
export function scratchDatabaseName(now = Date.now()): string {
  return `${PREFIX}${Math.floor(now / 1000)}_${randomBytes(4).toString('hex')}`;
}

/** Whether `name` is a scratch database created more than an hour before `now`. */
export function isStaleScratchDatabase(name: string, now = Date.now()): boolean {
  const created = new RegExp(`^${PREFIX}(\\d+)_[0-9a-f]+$`).exec(name)?.[1];
  return created !== undefined && now - Number(created) * 1000 > STALE_AFTER_MS;
}

async function createOnServer(serverUrl: string): Promise<ScratchDatabase> {
  const name = scratchDatabaseName();
  const admin = createDatabase<unknown>({ connectionString: serverUrl }, { max: 1 });
  try {
    // Housekeeping only: a sweep that fails (say, racing another run's) must not fail this run.
    await dropStaleScratchDatabases(admin).catch(() => undefined);
    await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = createDatabase<unknown>({ connectionString: serverUrl }, { max: 1 });
      try {
        await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(dropper);
      } finally {
        await dropper.destroy();
      }
    },
  };
}

/** Drops what killed runs left behind; other runs' live databases are younger than an hour. */
async function dropStaleScratchDatabases(admin: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ datname: string }>`
    SELECT datname FROM pg_database WHERE datname LIKE ${`${PREFIX}%`}`.execute(admin);
  for (const { datname } of rows) {
    if (isStaleScratchDatabase(datname)) {
      await sql`DROP DATABASE IF EXISTS ${sql.id(datname)} WITH (FORCE)`.execute(admin);
    }
  }
}
