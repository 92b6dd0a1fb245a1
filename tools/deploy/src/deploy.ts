// The `deploy` target of `infra` and of every Lambda app (see tools/deploy/README.md):
//   [DEPLOY_ENV=<dev|prod>] [DEPLOY_DRY_RUN=1] tsx tools/deploy/src/deploy.ts <project>
// Run from the workspace root (Nx does). Exit 1 on any failure, with one line saying why.
import { processCommandRunner } from './command-runner.js';
import { DeployError } from './deploy-error.js';
import { loadDeployEnvironment } from './deploy-environment.js';
import { deployUsage, parseDeployOptions } from './deploy-options.js';
import { planDeploy } from './deploy-plan.js';
import { readGitRevision } from './git-revision.js';
import { isHelpRequest } from './help-request.js';
import { runDeployPlan } from './run-deploy-plan.js';

const workspaceRoot = process.cwd();

async function main(): Promise<void> {
  if (isHelpRequest(process.argv.slice(2))) {
    console.log(deployUsage);
    return;
  }
  const { project, envName, dryRun } = parseDeployOptions(process.argv.slice(2), process.env);
  const environment = loadDeployEnvironment(envName);
  const { sha, changedFiles } = readGitRevision(workspaceRoot);
  if (changedFiles.length > 0) {
    const files = `${changedFiles.slice(0, 3).join(', ')}${changedFiles.length > 3 ? ` and ${changedFiles.length - 3} more` : ''}`;
    if (!dryRun) {
      throw new DeployError(
        `uncommitted changes to tracked files (${files}): an image tagged with ${sha} must hold exactly that commit`,
      );
    }
    console.log(
      `[deploy ${project}] note: uncommitted changes (${files}); a real deploy would refuse`,
    );
  }
  const plan = planDeploy({ project, environment, gitSha: sha });
  const runner = processCommandRunner(workspaceRoot, {
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CDK_DISABLE_VERSION_CHECK: '1',
  });
  await runDeployPlan(plan, { runner, dryRun, log: (line) => console.log(line) });
}

main().catch((error: unknown) => {
  if (!(error instanceof DeployError)) throw error;
  console.error(`deploy: ${error.message}`);
  process.exitCode = 1;
});
