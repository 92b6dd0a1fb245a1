import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { isQueryReadTimeout } from './database-errors.js';

/**
 * The pool as Kysely sees it, except that a client whose query hit pg's `query_timeout` is
 * destroyed on release instead of going back to the pool. pg gives up waiting but keeps the
 * unanswered query active on that connection: reused, it would stall every later query until
 * TCP keepalive (minutes) kills it, so a database that is back would still look unavailable.
 */
export function discardingTimedOutClients(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let timedOut = false;
      const wrapped = {
        query: (...args: unknown[]) => {
          const result = (client.query as (...a: unknown[]) => unknown)(...args);
          if (result instanceof Promise) {
            result.catch((error: unknown) => {
              if (isQueryReadTimeout(error)) timedOut = true;
            });
          }
          return result;
        },
        release: (destroy?: boolean) => client.release(destroy || timedOut),
      };
      return wrapped as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
