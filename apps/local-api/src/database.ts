import { startEmbeddedPostgres } from '@tollgate/postgres-kit/dev';
import { localDomains } from './local-domains.js';

export interface LocalDatabase {
  /** The URL the domains' Lambdas get as `DATABASE_URL`. */
  readonly url: string;
  readonly embedded: boolean;
  /** Rows the demo seed inserted or restored. */
  readonly seededRows: number;
  /** Stops the embedded server; leaves a `DATABASE_URL` server alone. */
  stop(): Promise<void>;
}

/**
 * The database behind `npm start`: the given server, or an embedded PostgreSQL (PGlite over the
 * wire protocol). Either way migrated to the latest schema and seeded with the demo data, both
 * idempotent, so restarting against the same `DATABASE_URL` is safe.
 */
export async function prepareDatabase(databaseUrl: string | undefined): Promise<LocalDatabase> {
  const embedded = databaseUrl ? undefined : await startEmbeddedPostgres();
  const url = databaseUrl ?? embedded?.url ?? '';
  try {
    let seededRows = 0;
    for (const domain of localDomains) seededRows += await domain.prepareDemoDatabase(url);
    return { url, embedded: !!embedded, seededRows, stop: async () => embedded?.stop() };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
