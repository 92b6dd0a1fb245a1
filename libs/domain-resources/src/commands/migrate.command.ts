// Applies pending migrations: `DATABASE_URL=postgres://… npx nx run domain-resources:migrate`
import { runDatabaseCommand } from '@tollgate/postgres-kit/dev';
import { migrateToLatest } from '../db/migrate.js';

await runDatabaseCommand('migrate', async (db) => {
  const applied = await migrateToLatest(db);
  return applied.length ? `applied ${applied.join(', ')}` : 'already up to date';
});
