// Points one Lambda at an earlier image (see tools/deploy/README.md):
//   npx nx run deploy-tools:rollback -- --environment prod --image resources --tag tollgate-resources-<git-sha>
// Uses the AWS credentials of the environment (profile, SSO, OIDC role) and the region from
// the platform config for that environment. Exit 1 with one line on any failure.
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DeployError } from './deploy-error.js';
import { loadDeployEnvironment } from './deploy-environment.js';
import { rollbackFunction } from './rollback-function.js';
import { isHelpRequest } from './help-request.js';
import { parseRollbackArgs, rollbackTarget, rollbackUsage } from './rollback-request.js';

async function main(): Promise<void> {
  if (isHelpRequest(process.argv.slice(2))) {
    console.log(rollbackUsage);
    return;
  }
  const args = parseRollbackArgs(process.argv.slice(2));
  const environment = loadDeployEnvironment(args.envName);
  const target = rollbackTarget(args, environment);
  console.log(`rollback: pointing ${target.functionName} at ${target.imageUri} …`);
  const client = new LambdaClient({ region: environment.region });
  const result = await rollbackFunction(client, target, { maxWaitSeconds: args.maxWaitSeconds });
  console.log(
    `rollback: ${result.functionName} runs ${result.resolvedImageUri ?? result.imageUri}`,
  );
}

main().catch((error: unknown) => {
  if (!(error instanceof DeployError)) throw error;
  console.error(`rollback: ${error.message}`);
  process.exitCode = 1;
});
