// A new environment's first deploy, as one command (see tools/deploy/README.md):
//   tsx tools/deploy/src/first-deploy.ts --env <env> [--dry-run]
// Preflight, ECR repository, every image, then every stack. Exit 1 with one line on failure.
import { environments } from '@tollgate/platform-config';
import { processCommandRunner } from './command-runner.js';
import { DeployError } from './deploy-error.js';
import { loadDeployEnvironment } from './deploy-environment.js';
import { parseEnvOption } from './env-option.js';
import { planFirstDeploy } from './first-deploy-plan.js';
import { readGitRevision } from './git-revision.js';
import { preflightProblems } from './preflight-problems.js';
import { runFirstDeploy } from './run-first-deploy.js';

const usage = 'usage: tsx tools/deploy/src/first-deploy.ts --env <env> [--dry-run]';
const workspaceRoot = process.cwd();

async function main(): Promise<void> {
  const { envName, dryRun } = parseEnvOption(process.argv.slice(2), usage, { allowDryRun: true });
  const environment = loadDeployEnvironment(envName);
  const { sha, changedFiles } = readGitRevision(workspaceRoot);
  if (changedFiles.length > 0 && !dryRun) {
    throw new DeployError(
      `uncommitted changes to tracked files: images tagged with ${sha} must hold exactly that commit`,
    );
  }
  await runFirstDeploy(planFirstDeploy({ environment, gitSha: sha }), {
    runner: processCommandRunner(workspaceRoot, {
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      CDK_DISABLE_VERSION_CHECK: '1',
    }),
    dryRun,
    preflightProblems: preflightProblems(environments[envName]),
    log: (line) => console.log(line),
  });
}

main().catch((error: unknown) => {
  if (!(error instanceof DeployError)) throw error;
  console.error(`first-deploy: ${error.message}`);
  process.exitCode = 1;
});
