import { ConfigError } from '@tollgate/runtime-kit';
import type { Kysely } from 'kysely';
import { readFile } from 'node:fs/promises';
import { createDatabase, type ConnectionTarget, type PoolSettings } from './create-database.js';
import type { DatabaseEndpoint, DatabaseSource } from './database-config.js';
import { rdsCredentials } from './rds-secret.js';

/** The writer, and the reader when one is configured. */
export interface ConnectionTargets {
  readonly writer: ConnectionTarget;
  readonly reader?: ConnectionTarget;
}

/**
 * A Kysely instance on the endpoint a domain asked for: its reader when one is configured and the
 * domain only reads (replica lag is the price), else the writer.
 */
export async function openDatabase<DB>(
  source: DatabaseSource,
  endpoint: DatabaseEndpoint,
  options: PoolSettings = {},
): Promise<Kysely<DB>> {
  const { writer, reader } = await connectionTargetsFor(source);
  return createDatabase<DB>((endpoint === 'reader' && reader) || writer, options);
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
