// Loads the demo data (after `migrate`): `DATABASE_URL=postgres://… npx nx run domain-resources:seed`
import { runDatabaseCommand } from '@tollgate/postgres-kit/dev';
import { seedDemoData } from '../db/seed.js';
import type { ResourcesDatabase } from '../db/schema.js';

await runDatabaseCommand<ResourcesDatabase>(
  'seed',
  async (db) => `${await seedDemoData(db)} demo resources for companies 42 and 43`,
);
