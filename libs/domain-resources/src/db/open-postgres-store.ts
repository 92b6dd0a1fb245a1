import { ConfigError } from '@tollgate/runtime-kit';
import { readFile } from 'node:fs/promises';
import { createDatabase, type ConnectionTarget, type PoolSettings } from './create-database.js';
import type { DatabaseSource } from './database-config.js';
import { createPostgresResourceStore } from './postgres-resource-store.js';
import { rdsCredentials } from './rds-secret.js';
import type { ResourceStore } from '../resources/resource-store.js';

export interface OpenStore {
  store: ResourceStore;
  close(): Promise<void>;
}

/** The writer, and the reader when one is configured. */
export interface ConnectionTargets {
  readonly writer: ConnectionTarget;
  readonly reader?: ConnectionTarget;
}

/**
 * Connects a Kysely/pg-backed store to the configured database. Every route of this domain is a
 * GET, so the store reads from the reader when one is configured (replica lag is the price).
 */
export async function openPostgresResourceStore(
  source: DatabaseSource,
  options: PoolSettings = {},
): Promise<OpenStore> {
  const { writer, reader } = await connectionTargetsFor(source);
  const db = createDatabase(reader ?? writer, options);
  return { store: createPostgresResourceStore(db), close: () => db.destroy() };
}

/** Where to connect: the URLs as they are, or hosts and credentials from the RDS secret. */
export async function connectionTargetsFor(source: DatabaseSource): Promise<ConnectionTargets> {
  if (source.kind === 'url') {
    return {
      writer: { connectionString: source.url },
      ...(source.readerUrl ? { reader: { connectionString: source.readerUrl } } : {}),
    };
  }
  const secret = rdsCredentials(source.secretId);
  const [credentials, ca] = await Promise.all([secret.get(), readCaFile(source.caFile)]);
  const target = (host: string): ConnectionTarget => ({
    host,
    port: credentials.port,
    user: credentials.user,
    database: credentials.database,
    // RDS requires TLS. Only the region's RDS CAs (and, for RDS Proxy, Amazon's roots) are
    // trusted, given to pg here: no process-wide NODE_EXTRA_CA_CERTS parsed at every boot.
    ssl: { ca, rejectUnauthorized: true },
    // pg asks for the password on every new connection: a rotated secret is picked up there.
    password: async () => (await secret.get()).password,
  });
  return {
    writer: target(source.writerHost ?? credentials.host),
    ...(source.readerHost ? { reader: target(source.readerHost) } : {}),
  };
}

/** The writer alone: migrations and seeds write. */
export async function connectionTargetFor(source: DatabaseSource): Promise<ConnectionTarget> {
  return (await connectionTargetsFor(source)).writer;
}

async function readCaFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(`DB_CA_FILE ${path} cannot be read`);
  }
}
