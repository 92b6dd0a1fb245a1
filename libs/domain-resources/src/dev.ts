// `@tollgate/domain-resources/dev`: development and test tooling (`npm start`, tests, benchmarks,
// commands). Never imported by the Lambda: none of it belongs in its bundle.
export { createPostgresResourceStore } from './db/postgres-resource-store.js';
export type { ResourcesDatabase, ResourcesTable, JsonObject, JsonValue } from './db/schema.js';
export { migrateToLatest, resourceMigrations } from './db/migrate.js';
export { seedDemoData, demoCompanies, demoResourceIds } from './db/seed.js';
export { createScratchDatabase } from './db/scratch-database.js';
export { prepareDemoDatabase } from './db/demo-database.js';
