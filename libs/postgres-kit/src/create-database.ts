import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { discardingTimedOutClients } from './discard-timed-out-clients.js';

export interface PoolSettings {
  /** Connections in this process's pool. A Lambda container serves one request at a time: 2. */
  max?: number;
  /** Give up connecting after this long (a down database must not hold the request). */
  connectionTimeoutMillis?: number;
  /**
   * Server-side limit per statement (`statement_timeout`). The client gives up one second later
   * (`query_timeout`): a server that stopped answering, or packets dropped on the way, must end
   * in "database unavailable", not in the Lambda's own timeout.
   */
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
      /** TLS verified against exactly these CAs (PEM). */
      ssl: { ca: string; rejectUnauthorized: true };
    };

/** The server's own statement timeout answers first (57014); this covers a server that cannot. */
const CLIENT_TIMEOUT_MARGIN_MS = 1_000;

export const lambdaPoolSettings: Required<PoolSettings> = {
  max: 2,
  connectionTimeoutMillis: 3_000,
  statementTimeoutMillis: 5_000,
  idleTimeoutMillis: 60_000,
};

/** A Kysely instance over its own `pg` pool; `db.destroy()` ends the pool. */
export function createDatabase<DB = unknown>(
  target: ConnectionTarget,
  options: PoolSettings = {},
): Kysely<DB> {
  const settings = { ...lambdaPoolSettings, ...options };
  const pool = new pg.Pool({
    ...target,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    statement_timeout: settings.statementTimeoutMillis,
    query_timeout: settings.statementTimeoutMillis + CLIENT_TIMEOUT_MARGIN_MS,
    idleTimeoutMillis: settings.idleTimeoutMillis,
    // Probe idle connections early, so that a dead one is noticed before a request picks it.
    keepAlive: true,
    keepAliveInitialDelayMillis: 1_000,
  });
  // When the server goes away, pg emits 'error' on idle clients (through the pool) and on
  // clients in use. An 'error' event without a listener would crash the process; pg discards
  // broken clients by itself and a failed query rejects on its own (and is reported there), so
  // the listeners have nothing more to do.
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: discardingTimedOutClients(pool) }),
  });
}
