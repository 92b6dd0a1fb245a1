import type { Kysely } from 'kysely';
import { ConfigError } from '@tollgate/runtime-kit';
import { connectionTargetFor } from './connection-targets.js';
import { createDatabase } from './create-database.js';
import { databaseSourceFromEnv } from './database-config.js';

/**
 * Runs a database command against DATABASE_URL (or DB_SECRET_ID), printing one line and
 * exiting non-zero on failure.
 */
export async function runDatabaseCommand<DB>(
  name: string,
  command: (db: Kysely<DB>) => Promise<string>,
): Promise<void> {
  let db: Kysely<DB> | undefined;
  try {
    const source = databaseSourceFromEnv(process.env);
    db = createDatabase<DB>(await connectionTargetFor(source), {
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
