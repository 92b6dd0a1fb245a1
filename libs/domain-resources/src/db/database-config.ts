import { ConfigError, configFromEnv, type Env } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';

/** Where the database credentials come from: the RDS secret in AWS, a URL locally and in tests. */
export type DatabaseSource =
  | { readonly kind: 'secret'; readonly secretId: string }
  | { readonly kind: 'url'; readonly url: string };

const postgresUrl = z.string().check(
  z.refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
);

const envSchema = z.object({
  DB_SECRET_ID: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  DATABASE_URL: z.optional(postgresUrl),
});

/**
 * Reads the database source from the environment; throws one `ConfigError` line naming the
 * variable at fault (never its value: a URL may carry a password).
 */
export function databaseSourceFromEnv(env: Env): DatabaseSource {
  // An empty variable counts as unset: a local `.env` leaves DB_SECRET_ID blank.
  const { DB_SECRET_ID, DATABASE_URL } = configFromEnv(envSchema, {
    DB_SECRET_ID: env['DB_SECRET_ID'] || undefined,
    DATABASE_URL: env['DATABASE_URL'] || undefined,
  });
  if (DB_SECRET_ID) return { kind: 'secret', secretId: DB_SECRET_ID };
  if (DATABASE_URL) return { kind: 'url', url: DATABASE_URL };
  throw new ConfigError('DB_SECRET_ID (in AWS) or DATABASE_URL (locally) must be set');
}

const rdsSecretSchema = z.object({
  host: z.string().check(z.minLength(1)),
  port: z.optional(z.union([z.number(), z.string().check(z.regex(/^\d+$/))])),
  username: z.string().check(z.minLength(1)),
  password: z.string(),
  dbname: z.optional(z.string().check(z.minLength(1))),
});

/** Connection fields taken from an RDS-managed secret (`SecretString` JSON). */
export interface RdsCredentials {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function parseRdsSecret(secretString: string | undefined): RdsCredentials {
  let json: unknown;
  try {
    json = JSON.parse(secretString ?? '');
  } catch {
    throw new ConfigError('DB_SECRET_ID secret is not JSON');
  }
  const parsed = rdsSecretSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new ConfigError(`DB_SECRET_ID secret field(s) invalid: ${fields}`);
  }
  const secret = parsed.data;
  return {
    host: secret.host,
    port: Number(secret.port ?? 5432),
    user: secret.username,
    password: secret.password,
    database: secret.dbname ?? 'postgres',
  };
}
