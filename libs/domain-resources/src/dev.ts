// `@tollgate/domain-resources/dev`: development and test tooling (`npm start`, tests, benchmarks,
// commands). Never imported by the Lambda: none of it belongs in its bundle.
export { createDatabase, type ConnectionTarget, type PoolSettings } from './db/create-database.js';
export { createPostgresResourceStore } from './db/postgres-resource-store.js';
export type { ResourcesDatabase, ResourcesTable, JsonObject, JsonValue } from './db/schema.js';
export { migrateToLatest, MigrationFailedError } from './db/migrate.js';
export { seedDemoData, demoCompanies, demoResourceIds } from './db/seed.js';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './db/embedded-postgres.js';
export { createScratchDatabase, type ScratchDatabase } from './db/scratch-database.js';
