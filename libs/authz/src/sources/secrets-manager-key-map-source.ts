import { shardName } from '../key-map/shards.js';
import { KeyMapSourceError } from './key-map-source-error.js';
import type { KeyMapSource } from './key-map-source.js';

/**
 * The part of `SecretsManagerClient` this source uses. Declared structurally so that the
 * published types do not require `@aws-sdk/client-secrets-manager` (an optional peer).
 */
export interface SecretsManagerClientLike {
  send(command: object): Promise<{ SecretString?: string | undefined; SecretBinary?: Uint8Array | undefined }>;
}

export interface SecretsManagerKeyMapSourceOptions {
  /** Name or ARN of the secret holding the key map (`API_KEYS_SECRET_ID`). */
  readonly secretId: string;
  /**
   * A client to use; by default one is created on first load (region from the environment,
   * giving up after 1 s to connect and 2 s per request).
   */
  readonly client?: SecretsManagerClientLike;
  /** Staging label to read; Secrets Manager defaults to `AWSCURRENT`. */
  readonly versionStage?: string;
}

/**
 * A key map in an AWS Secrets Manager secret, read with `GetSecretValue` on every `load()`.
 * The SDK is imported on first load only, so a file-backed authorizer never pays for it.
 * (Powertools' `SecretsProvider` was not used: its value is a cache, and this library's loader
 * owns caching — TTL plus a grace period on failure, which that cache does not offer.)
 */
export function secretsManagerKeyMapSource(options: SecretsManagerKeyMapSourceOptions): KeyMapSource {
  const read = secretReader(options.client);
  return { description: `secret ${options.secretId}`, load: () => read(options.secretId, options.versionStage) };
}

/**
 * The shards of a sharded key map in Secrets Manager, for `ShardedKeyMapLoader`'s `sourceFor`:
 * shard `i` is the secret `<secretId>/shard-<i as 3 digits>` (`tollgate/keys/shard-007`).
 * `secretId` is a name prefix here, not an ARN. All shards share one client.
 */
export function secretsManagerShardSources(options: SecretsManagerKeyMapSourceOptions): (index: number) => KeyMapSource {
  const read = secretReader(options.client);
  return (index) => {
    const secretId = `${options.secretId}/${shardName(index)}`;
    return { description: `secret ${secretId}`, load: () => read(secretId, options.versionStage) };
  };
}

/**
 * A stalled endpoint must fail the load, not hold every request of the instance (they share
 * one load) until the authorizer times out and API Gateway answers 500. Without
 * `throwOnRequestTimeout` the SDK only logs a warning when `requestTimeout` passes.
 */
const SECRETS_MANAGER_TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true };

function secretReader(given: SecretsManagerClientLike | undefined): (secretId: string, versionStage: string | undefined) => Promise<string> {
  let sdk: Promise<typeof import('@aws-sdk/client-secrets-manager')> | undefined;
  let client = given;
  return async (secretId, versionStage) => {
    let output: Awaited<ReturnType<SecretsManagerClientLike['send']>>;
    try {
      sdk ??= import('@aws-sdk/client-secrets-manager');
      const { GetSecretValueCommand, SecretsManagerClient } = await sdk;
      client ??= new SecretsManagerClient({ requestHandler: SECRETS_MANAGER_TIMEOUTS });
      output = await client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: versionStage }));
    } catch (error) {
      throw new KeyMapSourceError(`cannot read secret ${secretId}`, { cause: error });
    }
    if (output.SecretString !== undefined) return output.SecretString;
    if (output.SecretBinary !== undefined) return new TextDecoder().decode(output.SecretBinary);
    throw new KeyMapSourceError(`secret ${secretId} has no value`);
  };
}
