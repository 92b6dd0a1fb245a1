import { parseRdsSecret, type RdsCredentials } from './database-config.js';

/** How long a Secrets Manager call may take: a stalled endpoint must not hold the request. */
export interface SecretsManagerTimeouts {
  readonly connectionTimeout: number;
  readonly requestTimeout: number;
}

const defaultTimeouts: SecretsManagerTimeouts = { connectionTimeout: 1_000, requestTimeout: 2_000 };

/**
 * Fetches and parses the RDS secret. The AWS SDK is imported on first use only, so that a
 * process configured with DATABASE_URL never pays for loading it.
 */
export async function fetchRdsCredentials(
  secretId: string,
  timeouts: SecretsManagerTimeouts = defaultTimeouts,
): Promise<RdsCredentials> {
  const { SecretsManagerClient, GetSecretValueCommand } =
    await import('@aws-sdk/client-secrets-manager');
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes.
  const client = new SecretsManagerClient({
    requestHandler: { ...timeouts, throwOnRequestTimeout: true },
  });
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    return parseRdsSecret(SecretString);
  } finally {
    client.destroy();
  }
}
