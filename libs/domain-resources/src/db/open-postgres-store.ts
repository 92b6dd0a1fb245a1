import { createDatabase, type ConnectionTarget, type PoolSettings } from './create-database.js';
import type { DatabaseSource } from './database-config.js';
import { createPostgresResourceStore } from './postgres-resource-store.js';
import { rdsCredentials } from './rds-secret.js';
import type { ResourceStore } from '../resources/resource-store.js';

export interface OpenStore {
  store: ResourceStore;
  close(): Promise<void>;
}

/** Connects a Kysely/pg-backed store to the configured database. */
export async function openPostgresResourceStore(
  source: DatabaseSource,
  options: PoolSettings = {},
): Promise<OpenStore> {
  const db = createDatabase(await connectionTargetFor(source), options);
  return { store: createPostgresResourceStore(db), close: () => db.destroy() };
}

/** Where to connect: the URL as is, or host and credentials from the RDS secret. */
export async function connectionTargetFor(source: DatabaseSource): Promise<ConnectionTarget> {
  return source.kind === 'url' ? { connectionString: source.url } : secretTarget(source.secretId);
}

async function secretTarget(secretId: string): Promise<ConnectionTarget> {
  const secret = rdsCredentials(secretId);
  const credentials = await secret.get();
  return {
    host: credentials.host,
    port: credentials.port,
    user: credentials.user,
    database: credentials.database,
    // RDS enforces TLS; Node verifies the RDS CA when NODE_EXTRA_CA_CERTS points at it.
    ssl: true,
    // pg asks for the password on every new connection: a rotated secret is picked up there.
    // If Secrets Manager cannot answer, the password in hand is still the best guess.
    password: async () => (await secret.get()).password,
  };
}
