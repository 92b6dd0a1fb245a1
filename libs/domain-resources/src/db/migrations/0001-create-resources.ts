import { sql, type Kysely, type Migration } from 'kysely';

// Migrations see the database as it was when they were written, never the current schema type.
type AnyDatabase = Kysely<unknown>;

export const createResources: Migration = {
  async up(db: AnyDatabase) {
    await db.schema
      .createTable('resources')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('company_id', 'bigint', (c) => c.notNull().check(sql`company_id > 0`))
      .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
      .addColumn('type', 'text', (c) => c.notNull().check(sql`length(type) between 1 and 64`))
      .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      // Millisecond precision: a JavaScript Date round-trips exactly, so a keyset cursor built
      // from a returned created_at matches the stored value.
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    // Serves the keyset-paginated list: WHERE company_id = $1 AND (created_at, id) > ($2, $3)
    // ORDER BY created_at, id. Lookups by id use the primary key.
    await db.schema
      .createIndex('resources_company_created_id_idx')
      .on('resources')
      .columns(['company_id', 'created_at', 'id'])
      .execute();
  },
  async down(db: AnyDatabase) {
    await db.schema.dropTable('resources').execute();
  },
};
