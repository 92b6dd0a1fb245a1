import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ResourcesDatabase } from './schema.js';

export interface PoolSettings {
  /** Connections in this process's pool. A Lambda container serves one request at a time: 2. */
  max?: number;
  /** Give up connecting after this long (a down database must not hold the request). */
  connectionTimeoutMillis?: number;
  /** Server-side limit per statement (`statement_timeout`). */
  statementTimeoutMillis?: number;
  /** Close connections idle for this long. */
  idleTimeoutMillis?: number;
}

export type ConnectionTarget =
  | { connectionString: string }
  | {
      host: string;
      port: number;
      user: string;
      database: string;
      /** Called for every new connection, so that a rotated secret is picked up. */
      password: () => Promise<string>;
      ssl: boolean;
    };

export const lambdaPoolSettings: Required<PoolSettings> = {
  max: 2,
  connectionTimeoutMillis: 3_000,
  statementTimeoutMillis: 5_000,
  idleTimeoutMillis: 60_000,
};

export interface CreateDatabaseOptions extends PoolSettings {
  /** Errors of broken connections (server restart, network loss), for logging. */
  onConnectionError?: (error: Error) => void;
}

/** A Kysely instance over its own `pg` pool; `db.destroy()` ends the pool. */
export function createDatabase<DB = ResourcesDatabase>(
  target: ConnectionTarget,
  options: CreateDatabaseOptions = {},
): Kysely<DB> {
  const settings = { ...lambdaPoolSettings, ...options };
  const pool = new pg.Pool({
    ...target,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    statement_timeout: settings.statementTimeoutMillis,
    idleTimeoutMillis: settings.idleTimeoutMillis,
    keepAlive: true,
  });
  // When the server goes away, pg emits 'error' on idle clients (via the pool) and on clients
  // in use (on the client itself). pg discards broken clients by itself; these listeners only
  // keep an 'error' event without listener from crashing the process. The failed query, if
  // any, rejects on its own.
  const onConnectionError = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => client.on('error', onConnectionError));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
