// Loads the demo data (after `migrate`): `DATABASE_URL=postgres://… npx nx run domain-resources:seed`
import { seedDemoData } from '../db/seed.js';
import { runDatabaseCommand } from './open-command-database.js';

await runDatabaseCommand(
  'seed',
  async (db) => `${await seedDemoData(db)} demo resources for companies 42 and 43`,
);
