import { sql, type Kysely, type Migration } from 'kysely';
import { createDatabase } from './create-database.js';
import { migrateToLatest, MigrationFailedError } from './migrate.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.js';

const createTable = (table: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable(table).addColumn('id', 'integer').execute();
  },
});

let scratch: ScratchDatabase;
let db: Kysely<unknown>;
beforeAll(async () => {
  scratch = await createScratchDatabase(process.env['DATABASE_URL'], async () => undefined);
  db = createDatabase({ connectionString: scratch.url }, { max: 1 });
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await scratch?.drop();
});

const tablesNamed = async (pattern: string) =>
  (
    await sql<{ tablename: string }>`
      SELECT tablename FROM pg_tables WHERE tablename LIKE ${pattern} ORDER BY tablename`.execute(
      db,
    )
  ).rows.map((row) => row.tablename);

describe('migrateToLatest', () => {
  it('keeps each domain in its own migration table: equal names never collide', async () => {
    const orders = {
      table: 'orders_migration',
      migrations: { '0001-init': createTable('orders') },
    };
    const invoices = {
      table: 'invoices_migration',
      migrations: { '0001-init': createTable('invoices') },
    };

    await expect(migrateToLatest(db, orders)).resolves.toEqual(['0001-init']);
    await expect(migrateToLatest(db, invoices)).resolves.toEqual(['0001-init']);
    await expect(migrateToLatest(db, orders)).resolves.toEqual([]);

    expect(await tablesNamed('%_migration%')).toEqual([
      'invoices_migration',
      'invoices_migration_lock',
      'orders_migration',
      'orders_migration_lock',
    ]);
    expect(await tablesNamed('%s')).toEqual(expect.arrayContaining(['invoices', 'orders']));
  });

  it('names the migration that failed', async () => {
    const broken = {
      table: 'broken_migration',
      migrations: { '0001-init': createTable('orders') },
    };
    await expect(migrateToLatest(db, broken)).rejects.toEqual(
      expect.objectContaining({ name: 'MigrationFailedError', migrationName: '0001-init' }),
    );
    await expect(migrateToLatest(db, broken)).rejects.toBeInstanceOf(MigrationFailedError);
  });
});
