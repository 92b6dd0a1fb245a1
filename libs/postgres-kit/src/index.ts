// What a domain's Lambda needs from PostgreSQL: where the database is, a pool opened on the first
// query, and the "database unavailable" error. Nothing here loads Kysely or pg at import time.
// Development and test tooling (embedded server, scratch databases, migrations, commands) is in
// `./dev`.
export {
  databaseSourceFromEnv,
  type DatabaseEndpoint,
  type DatabaseSource,
} from './database-config.js';
export { DatabaseUnavailableError, asDatabaseError } from './database-errors.js';
export { lazyDatabase, type LazyDatabase } from './lazy-database.js';
export type { ConnectionTarget, PoolSettings } from './create-database.js';
export { databaseUnavailableProblem } from './unavailable-problem.js';
export { encodeCursor, decodeCursor, type ListPosition } from './keyset-cursor.js';
export { listQuerySchema, DEFAULT_LIMIT, MAX_LIMIT } from './list-query.js';
