import * as z from 'zod/mini';
import type { AnalyticsTokenConfig } from './analytics-config.js';

const jsonSecret = z.object({ token: z.string().check(z.minLength(1)) });

/**
 * A token getter for the analytics client. A Secrets Manager token is fetched on first use and
 * then kept for the life of the container; a failed fetch is not kept, so the next request
 * tries again. The AWS SDK is imported only on that path, so local runs never load it.
 */
export function analyticsToken(config: AnalyticsTokenConfig): () => Promise<string> {
  if (config.source === 'env') {
    const token = Promise.resolve(config.token);
    return () => token;
  }
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= fetchSecretToken(config.secretId).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function fetchSecretToken(secretId: string): Promise<string> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
  return tokenFromSecretString(secretId, SecretString);
}

/** The secret holds the token itself, or JSON `{ "token": "..." }`. Errors never quote the secret. */
function tokenFromSecretString(secretId: string, secret: string | undefined): string {
  const text = secret?.trim() ?? '';
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = jsonSecret.safeParse(parsed);
    if (result.success) return result.data.token;
    throw new Error(`secret ${secretId} is JSON without a non-empty "token" string`);
  }
  if (text === '') throw new Error(`secret ${secretId} has no token (empty or binary SecretString)`);
  return text;
}
