// Routes and the store behind them
export {
  resourceRoutes,
  resourceApiVersions,
  V20241201_SUNSET,
  type ResourceRoutesDeps,
} from './http/resource-routes.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './http/request-schemas.js';
export type {
  ResourceV20241201,
  ResourceListV20241201,
  ResourceV20250301,
  ResourceListV20250301,
} from './http/representations.js';
export type {
  CompanyId,
  ListPosition,
  Resource,
  ResourcePage,
  ResourceStore,
} from './resources/resource-store.js';
export { CallerContextError, ResourceNotFoundError } from './resources/resource-errors.js';
export { DatabaseUnavailableError } from './db/database-errors.js';
export { createLazyResourceStore, type LazyResourceStore } from './db/lazy-resource-store.js';
export { createPostgresResourceStore } from './db/postgres-resource-store.js';

// Configuration
export { ConfigError, databaseSourceFromEnv, type DatabaseSource } from './db/database-config.js';

// Database: pool, schema, migrations, demo data, embedded server
export {
  createDatabase,
  lambdaPoolSettings,
  type ConnectionTarget,
  type PoolSettings,
} from './db/create-database.js';
export type { ResourcesDatabase, ResourcesTable, JsonObject, JsonValue } from './db/schema.js';
export { migrateToLatest, migrations, MigrationFailedError } from './db/migrate.js';
export { seedDemoData, demoCompanies, demoResourceIds } from './db/seed.js';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './db/embedded-postgres.js';
export { createScratchDatabase, type ScratchDatabase } from './db/scratch-database.js';
