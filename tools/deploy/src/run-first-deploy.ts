import { formatCommand, type Command } from './command.js';
import type { CommandRunner } from './command-runner.js';
import { DeployError } from './deploy-error.js';
import type { FirstDeployPlan } from './first-deploy-plan.js';

export interface RunFirstDeployOptions {
  readonly runner: CommandRunner;
  /** Print every command instead of running it; still build the bundles and synthesize for real. */
  readonly dryRun: boolean;
  /** Lines `preflight` reported; a real deploy refuses to start while there is one. */
  readonly preflightProblems: readonly string[];
  readonly log: (line: string) => void;
}

/**
 * Runs a first deploy: repository, then each image (skipped when its tag is in ECR already, so a
 * failed run can simply be repeated), then every stack.
 */
export async function runFirstDeploy(
  plan: FirstDeployPlan,
  { runner, dryRun, preflightProblems, log }: RunFirstDeployOptions,
): Promise<void> {
  const prefix = `[first-deploy ${plan.environment}]`;
  for (const problem of preflightProblems) log(`${prefix} preflight: ${problem}`);
  if (preflightProblems.length > 0 && !dryRun) {
    throw new DeployError(
      `${plan.environment}: preflight found ${preflightProblems.length} problem(s); fix the environment's config first`,
    );
  }
  const runOrFail = async (command: Command) => {
    log(`${prefix} $ ${formatCommand(command)}`);
    const code = await runner.run(command, 'inherit');
    if (code !== 0) {
      throw new DeployError(`command failed (exit ${code}): ${formatCommand(command)}`);
    }
  };

  if (dryRun) {
    log(`${prefix} dry run: would run, from the workspace root:`);
    log(`${prefix}   ${formatCommand(plan.repository)}`);
    for (const image of plan.images) {
      log(
        `${prefix}   ${formatCommand(image.exists)}   # tag already in ECR? then skip the next two`,
      );
      log(`${prefix}   ${formatCommand(image.build)}`);
      log(`${prefix}   ${formatCommand(image.push)}`);
    }
    log(`${prefix}   ${formatCommand(plan.deploy)}`);
    log(`${prefix} synthesizing every stack with the new tags for real:`);
    await runOrFail(plan.bundles);
    await runOrFail(plan.synth);
    log(`${prefix} dry run done: nothing was built into an image, pushed or deployed`);
    return;
  }

  await runOrFail(plan.repository);
  await runOrFail(plan.bundles);
  for (const { exists, build, push, uri } of plan.images) {
    log(`${prefix} $ ${formatCommand(exists)}`);
    if ((await runner.run(exists, 'ignore')) === 0) {
      log(`${prefix} ${uri} is already in ECR: not rebuilt`);
      continue;
    }
    await runOrFail(build);
    await runOrFail(push);
  }
  await runOrFail(plan.deploy);
  log(`${prefix} deployed every stack of ${plan.environment}`);
}
