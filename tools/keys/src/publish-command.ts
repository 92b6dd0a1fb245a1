import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { checkKeyMapShards } from '@tollgate/authz/offline';
import { PlatformConfigError, type PlatformConfig } from '@tollgate/platform-config';
import { InputError } from './input-error.js';
import { readKeyMapFile } from './key-map-file.js';
import type { CommandOutput } from './keys-command.js';
import { mapOption } from './lint-command.js';
import { lintKeyMap } from './lint-key-map.js';
import { describePublishPlan, planPublish } from './publish-plan.js';
import { applyPublishPlan, observeState, type PublishClients } from './publish-runner.js';
import { publishTarget, type PublishTarget } from './publish-target.js';
import type { ServedRoute } from './served-routes.js';

export const PUBLISH_USAGE = `  tollgate-keys publish --env <env> --map <file> [--dry-run]
      Check and lint the map, then write to Secrets Manager only the shards that changed (the
      config's apiKeyShards secrets <secrets.apiKeys>/shard-NNN, else the one secrets.apiKeys)
      and bring API Gateway's usage plans in line: each usage identifier an API key in the
      usage plan <project>-<env>-<plan> of its key; identifiers no key uses are detached and
      deleted. A second run changes nothing. --dry-run prints the plan and writes nothing.`;

/** What `publish` needs from outside: the platform config, the AWS clients, the served routes. */
export interface PublishDependencies {
  readonly loadConfig: (envName: string) => PlatformConfig;
  readonly clients: (region: string) => PublishClients;
  readonly routes: () => Promise<readonly ServedRoute[]>;
}

/**
 * The real ones: credentials come from the default chain (profile, SSO, role) and are never
 * printed. API Gateway allows a few key and usage-plan writes per second per account: adaptive
 * retries pace a first publish of thousands of keys instead of failing it on throttling.
 */
export const awsClients = (region: string): PublishClients => ({
  secretsManager: new SecretsManagerClient({ region }),
  apiGateway: new APIGatewayClient({ region, retryMode: 'adaptive', maxAttempts: 10 }),
});

/** `publish --env <env> --map <file> [--dry-run]`: refuses (exit 2) a map failing lint or check; AWS failures are `PublishError`s. */
export async function runPublish(
  args: readonly string[],
  output: CommandOutput,
  dependencies: PublishDependencies,
): Promise<number> {
  const { values, map: file } = mapOption('publish', args, {
    env: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const envName = values.env;
  if (typeof envName !== 'string') throw new InputError('publish needs --env <env>');
  const dryRun = values['dry-run'] === true;
  let config: PlatformConfig;
  try {
    config = dependencies.loadConfig(envName);
  } catch (error) {
    if (error instanceof PlatformConfigError) throw new InputError(error.message);
    throw error;
  }

  const map = await readKeyMapFile(file);
  const findings = lintKeyMap(map, await dependencies.routes());
  if (findings.length > 0) {
    throw new InputError(
      `refused: ${file} fails lint with ${findings.length} finding(s), the first: ${findings[0]} (see tollgate-keys lint --map ${file})`,
    );
  }
  const target = shardedTarget(map, config, envName, file);
  const report = checkKeyMapShards(
    target.shards.map((shard) => ({ name: shard.secretId, text: shard.json })),
  );
  if (report.errors.length > 0) {
    throw new InputError(
      `refused: ${file} fails check with ${report.errors.length} error(s), the first: ${report.errors[0]}`,
    );
  }
  // Harmless to publish (expired keys, shards near the size limit), worth knowing.
  for (const warning of report.warnings) output.err(`warning: ${warning}`);

  const clients = dependencies.clients(config.region);
  const plan = planPublish(target, await observeState(clients, target));
  const lines = describePublishPlan(plan, envName, dryRun);
  const summaryLine = lines.pop() ?? '';
  for (const line of lines) output.out(line);
  if (!dryRun) await applyPublishPlan(clients, plan, target);
  output.out(summaryLine);
  return 0;
}

function shardedTarget(
  map: Parameters<typeof publishTarget>[0],
  config: PlatformConfig,
  envName: string,
  file: string,
): PublishTarget {
  try {
    return publishTarget(map, config, envName);
  } catch (error) {
    // The map does not fit the configured number of secrets.
    if (error instanceof RangeError)
      throw new InputError(
        `refused: ${file}: ${error.message} (set apiKeyShards in the ${envName} config)`,
      );
    throw error;
  }
}
