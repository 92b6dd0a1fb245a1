// Who still calls an API version (see tools/deploy/README.md):
//   npx nx run deploy-tools:version-usage -- --env prod --version 2024-12-01 [--days 30]
// Runs one CloudWatch Logs Insights query over the environment's domain Lambda log groups with the
// environment's AWS credentials. Exit 1 with one line on any failure.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DeployError } from './deploy-error.js';
import { loadDeployEnvironment } from './deploy-environment.js';
import { runVersionUsageQuery } from './run-version-usage-query.js';
import {
  formatVersionUsage,
  parseVersionUsageArgs,
  versionUsageQuery,
} from './version-usage-query.js';

async function main(): Promise<void> {
  const args = parseVersionUsageArgs(process.argv.slice(2));
  const environment = loadDeployEnvironment(args.envName);
  const query = versionUsageQuery(args, environment, new Date());
  const client = new CloudWatchLogsClient({ region: environment.region });
  console.log(formatVersionUsage(await runVersionUsageQuery(client, query), args));
}

main().catch((error: unknown) => {
  if (!(error instanceof DeployError)) throw error;
  console.error(`version-usage: ${error.message}`);
  process.exitCode = 1;
});
