import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { createResources } from './migrations/0001-create-resources.js';

/**
 * Every migration, in order. Listed in code (not globbed from disk) so that bundles and
 * containers carry them; names sort in application order and never change once released.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-create-resources': createResources,
};

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    options: { cause: unknown },
  ) {
    super(`migration ${migrationName ?? '(unknown)'} failed`, options);
    this.name = 'MigrationFailedError';
  }
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return applied(await migrator.migrateToLatest());
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
