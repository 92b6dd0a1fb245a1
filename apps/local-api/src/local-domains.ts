import * as resources from '@tollgate/domain-resources/dev';
import type { CurlExample } from './curl-examples.js';

/** What the local API uses of a domain on PostgreSQL (its `/dev` entry). */
export interface LocalDomain {
  /** Migrates the domain's tables in the database at `url` and loads its demo rows; returns how many. */
  prepareDemoDatabase(url: string): Promise<number>;
  /** Requests for the start banner, made with company 42's key (which is granted them). */
  readonly demoRequests?: readonly Omit<CurlExample, 'apiKey'>[];
}

/**
 * Every domain on PostgreSQL, prepared in this order. Each records its migrations in its own
 * table, so all of them share the one local database.
 * `nx g @tollgate/nx-plugin:domain` appends new domains to this list.
 */
export const localDomains: readonly LocalDomain[] = [resources];
