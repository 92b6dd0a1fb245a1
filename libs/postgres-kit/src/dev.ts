// `@tollgate/postgres-kit/dev`: development and test tooling (`npm start`, tests, benchmarks,
// commands). Never imported by a Lambda: none of it belongs in its bundle.
export { createDatabase } from './create-database.js';
export { connectionTargetsFor, openDatabase } from './connection-targets.js';
export { migrateToLatest, MigrationFailedError, type DomainMigrations } from './migrate.js';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres.js';
export {
  createScratchDatabase,
  type MigrateFunction,
  type ScratchDatabase,
} from './scratch-database.js';
export { runDatabaseCommand } from './database-command.js';
