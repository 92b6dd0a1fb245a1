import { formatCommand, type Command } from './command.js';
import type { CommandRunner } from './command-runner.js';
import { DeployError } from './deploy-error.js';
import type { DeployPlan } from './deploy-plan.js';

export interface RunDeployPlanOptions {
  readonly runner: CommandRunner;
  /** Print the docker and cdk commands instead of running them; still synthesize for real. */
  readonly dryRun: boolean;
  readonly log: (line: string) => void;
}

/**
 * Ships one plan: image (unless that tag is already in ECR), then `cdk deploy`. A dry run
 * prints those commands and runs only the synth, so it proves the stack synthesizes with
 * exactly the context the deploy would pass.
 */
export async function runDeployPlan(
  plan: DeployPlan,
  { runner, dryRun, log }: RunDeployPlanOptions,
): Promise<void> {
  const prefix = `[deploy ${plan.project}]`;
  const runOrFail = async (command: Command) => {
    log(`${prefix} $ ${formatCommand(command)}`);
    const code = await runner.run(command, 'inherit');
    if (code !== 0)
      throw new DeployError(
        `${plan.project}: command failed (exit ${code}): ${formatCommand(command)}`,
      );
  };

  if (dryRun) {
    log(`${prefix} DEPLOY_DRY_RUN: would run, from the workspace root:`);
    if (plan.image) {
      log(
        `${prefix}   ${formatCommand(plan.image.exists)}   # tag already in ECR? then skip build and push`,
      );
      log(`${prefix}   ${formatCommand(plan.image.build)}`);
      log(`${prefix}   ${formatCommand(plan.image.push)}`);
    }
    log(`${prefix}   ${formatCommand(plan.deploy)}`);
    log(`${prefix} synthesizing ${plan.target} for real:`);
    await runOrFail(plan.synth);
    log(
      `${prefix} dry run done: ${plan.target} synthesizes; nothing was built, pushed or deployed`,
    );
    return;
  }

  if (plan.image) {
    const { exists, build, push, uri } = plan.image;
    log(`${prefix} $ ${formatCommand(exists)}`);
    if ((await runner.run(exists, 'ignore')) === 0) {
      log(`${prefix} ${uri} is already in ECR (tags are immutable): not rebuilt`);
    } else {
      await runOrFail(build);
      await runOrFail(push);
    }
  }
  await runOrFail(plan.deploy);
  log(`${prefix} deployed ${plan.target}`);
}
