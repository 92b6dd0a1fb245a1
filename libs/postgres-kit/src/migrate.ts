import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    options: { cause: unknown },
  ) {
    super(`migration ${migrationName ?? '(unknown)'} failed`, options);
    this.name = 'MigrationFailedError';
  }
}

export interface DomainMigrations {
  /**
   * Every migration, in order. Listed in code (not globbed from disk) so that bundles and
   * containers carry them; names sort in application order and never change once released.
   */
  readonly migrations: Readonly<Record<string, Migration>>;
  /**
   * The table recording what was applied, one per domain (its lock table is `<table>_lock`), so
   * that domains sharing a database never see each other's migrations. Omitted: Kysely's own
   * `kysely_migration`, which the first domain kept.
   */
  readonly table?: string;
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  { migrations, table }: DomainMigrations,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(table ? { migrationTableName: table, migrationLockTableName: `${table}_lock` } : {}),
  });
  return applied(await migrator.migrateToLatest());
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
