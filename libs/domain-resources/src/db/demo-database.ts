import { createDatabase } from '@tollgate/postgres-kit/dev';
import { migrateToLatest } from './migrate.js';
import type { ResourcesDatabase } from './schema.js';
import { seedDemoData } from './seed.js';

/** Migrates the database at `url` and loads the demo rows, both idempotent: what `npm start` does. */
export async function prepareDemoDatabase(url: string): Promise<number> {
  const db = createDatabase<ResourcesDatabase>({ connectionString: url }, { max: 1 });
  try {
    await migrateToLatest(db);
    return await seedDemoData(db);
  } finally {
    await db.destroy();
  }
}
