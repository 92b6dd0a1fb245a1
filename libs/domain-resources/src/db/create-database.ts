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

/** A Kysely instance over its own `pg` pool; `db.destroy()` ends the pool. */
export function createDatabase<DB = ResourcesDatabase>(
  target: ConnectionTarget,
  options: PoolSettings = {},
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
  // When the server goes away, pg emits 'error' on idle clients (through the pool) and on
  // clients in use. An 'error' event without a listener would crash the process; pg discards
  // broken clients by itself and a failed query rejects on its own (and is reported there), so
  // the listeners have nothing more to do.
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
