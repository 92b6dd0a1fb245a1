/**
 * The secrets the platform config names (`secrets.<name>` there). A Lambda's IAM role may read
 * exactly the ones its contract references, nothing else.
 */
export const platformSecrets = ['database', 'apiKeys', 'analyticsApiToken'] as const;
export type PlatformSecret = (typeof platformSecrets)[number];

/**
 * Platform config values a Lambda can be given (`apiKeyShards` only when the map is sharded, the
 * database hosts only when they differ from the secret's). `usageIdentifiers` (`per-key` or
 * `per-plan`), `usagePlans` (the usage plan names, comma-separated) and
 * `usageIdentifierNamespace` (the deployment, `<project>-<env>`) tell the authorizer what to
 * return as `usageIdentifierKey`.
 */
export const platformConfigValues = [
  'analyticsApiUrl',
  'apiKeyShards',
  'databaseWriterHost',
  'databaseReaderHost',
  'usageIdentifiers',
  'usagePlans',
  'usageIdentifierNamespace',
] as const;
export type PlatformConfigValue = (typeof platformConfigValues)[number];

/**
 * Values only the local API has: its database, key map file, external-API stand-in and the
 * usage settings it emulates (the `usage…` values, as in AWS).
 */
export const localValues = [
  'databaseUrl',
  'apiKeysFile',
  'analyticsApiUrl',
  'analyticsApiToken',
  'usageIdentifiers',
  'usagePlans',
  'usageIdentifierNamespace',
] as const;
export type LocalValue = (typeof localValues)[number];

/** Where one variable's value comes from in AWS: a secret's name (readable by the role) or a config value. */
export type AwsVariable =
  { readonly secret: PlatformSecret } | { readonly config: PlatformConfigValue };

/**
 * What a Lambda needs at run time, by logical name. Infra derives its environment and its own
 * role from `aws`; the local API derives its environment from `local`. A variable set in AWS
 * and absent locally is removed locally, so a bundle never tries to reach AWS from a laptop.
 */
export interface RuntimeContract {
  readonly aws: Readonly<Record<string, AwsVariable>>;
  readonly local: Readonly<Record<string, LocalValue>>;
}

/** The secrets a contract lets its Lambda read, each once, in declaration order. */
export function secretsReadBy(contract: RuntimeContract): PlatformSecret[] {
  const secrets = Object.values(contract.aws).flatMap((value) =>
    'secret' in value ? [value.secret] : [],
  );
  return [...new Set(secrets)];
}

/**
 * A domain on PostgreSQL: the database secret in AWS (optionally another writer host, e.g. an RDS
 * Proxy, and a reader host for GETs), the local database's URL locally.
 */
export const postgresContract: RuntimeContract = {
  aws: {
    DB_SECRET_ID: { secret: 'database' },
    DB_HOST: { config: 'databaseWriterHost' },
    DB_READER_HOST: { config: 'databaseReaderHost' },
  },
  local: { DATABASE_URL: 'databaseUrl' },
};
