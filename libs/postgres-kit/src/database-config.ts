import { ConfigError, configFromEnv, type Env } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';

/**
 * Where the database credentials come from: the RDS secret in AWS, a URL locally and in tests.
 * Either may name a reader that GET requests read from.
 */
export type DatabaseSource =
  | {
      readonly kind: 'secret';
      readonly secretId: string;
      /** PEM file of the CAs that sign the database's certificate (the region's RDS CAs). */
      readonly caFile: string;
      /** Connect here instead of the secret's `host` (an RDS Proxy endpoint). */
      readonly writerHost?: string;
      /** A reader endpoint with the same credentials. */
      readonly readerHost?: string;
    }
  | { readonly kind: 'url'; readonly url: string; readonly readerUrl?: string };

/**
 * Which endpoint a domain's requests use: `reader` (when one is configured) for a domain that
 * only reads, `writer` for one that writes.
 */
export type DatabaseEndpoint = 'reader' | 'writer';

const postgresUrl = z.string().check(
  z.refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
);
const hostName = z
  .string()
  .check(z.regex(/^([a-z0-9-]+\.)*[a-z0-9-]+$/, 'must be a host name (no scheme or port)'));
const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

const variables = [
  'DB_SECRET_ID',
  'DB_HOST',
  'DB_READER_HOST',
  'DB_CA_FILE',
  'AWS_REGION',
  'LAMBDA_TASK_ROOT',
  'DATABASE_URL',
  'DATABASE_READER_URL',
] as const;

const envSchema = z.object({
  DB_SECRET_ID: z.optional(nonEmpty),
  DB_HOST: z.optional(hostName),
  DB_READER_HOST: z.optional(hostName),
  DB_CA_FILE: z.optional(nonEmpty),
  AWS_REGION: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region'))),
  LAMBDA_TASK_ROOT: z.optional(nonEmpty),
  DATABASE_URL: z.optional(postgresUrl),
  DATABASE_READER_URL: z.optional(postgresUrl),
});

/**
 * Reads the database source from the environment; throws one `ConfigError` line naming the
 * variable at fault (never its value: a URL may carry a password). With DB_SECRET_ID, TLS is
 * verified against `DB_CA_FILE`, by default the image's `rds-ca/<AWS_REGION>.pem`.
 */
export function databaseSourceFromEnv(env: Env): DatabaseSource {
  // An empty variable counts as unset: a local `.env` leaves DB_SECRET_ID blank.
  const config = configFromEnv(
    envSchema,
    Object.fromEntries(variables.map((name) => [name, env[name] || undefined])),
  );
  if (config.DB_SECRET_ID) {
    const caFile =
      config.DB_CA_FILE ??
      (config.AWS_REGION &&
        `${config.LAMBDA_TASK_ROOT ?? '/var/task'}/rds-ca/${config.AWS_REGION}.pem`);
    if (!caFile) {
      throw new ConfigError('DB_CA_FILE (or AWS_REGION, for rds-ca/<region>.pem) must be set');
    }
    return {
      kind: 'secret',
      secretId: config.DB_SECRET_ID,
      caFile,
      ...(config.DB_HOST ? { writerHost: config.DB_HOST } : {}),
      ...(config.DB_READER_HOST ? { readerHost: config.DB_READER_HOST } : {}),
    };
  }
  if (config.DATABASE_URL) {
    return {
      kind: 'url',
      url: config.DATABASE_URL,
      ...(config.DATABASE_READER_URL ? { readerUrl: config.DATABASE_READER_URL } : {}),
    };
  }
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
