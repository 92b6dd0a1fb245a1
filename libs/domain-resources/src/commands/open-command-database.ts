import type { Kysely } from 'kysely';
import { createDatabase } from '../db/create-database.js';
import { ConfigError } from '@tollgate/runtime-kit';
import { databaseSourceFromEnv } from '../db/database-config.js';
import { connectionTargetFor } from '../db/open-postgres-store.js';
import type { ResourcesDatabase } from '../db/schema.js';

/**
 * Runs a database command against DATABASE_URL (or DB_SECRET_ID), printing one line and
 * exiting non-zero on failure.
 */
export async function runDatabaseCommand(
  name: string,
  command: (db: Kysely<ResourcesDatabase>) => Promise<string>,
): Promise<void> {
  let db: Kysely<ResourcesDatabase> | undefined;
  try {
    const source = databaseSourceFromEnv(process.env);
    db = createDatabase(await connectionTargetFor(source), {
      max: 1,
      statementTimeoutMillis: 60_000,
    });
    console.log(`${name}: ${await command(db)}`);
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : describe(error);
    console.error(`${name} failed: ${reason}`);
    process.exitCode = 1;
  } finally {
    await db?.destroy();
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
