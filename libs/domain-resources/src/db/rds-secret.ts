import { parseRdsSecret, type RdsCredentials } from './database-config.js';

/**
 * Fetches and parses the RDS secret. The AWS SDK is imported on first use only, so that a
 * process configured with DATABASE_URL never pays for loading it.
 */
export async function fetchRdsCredentials(secretId: string): Promise<RdsCredentials> {
  const { SecretsManagerClient, GetSecretValueCommand } =
    await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    return parseRdsSecret(SecretString);
  } finally {
    client.destroy();
  }
}
