import { formatCommand, type Command } from './command.js';
import { recordingRunner } from './command-runner.test-support.js';
import { DeployError } from './deploy-error.js';
import { devEnvironment, sampleSha } from './deploy-environment.test-support.js';
import { planFirstDeploy } from './first-deploy-plan.js';
import { runFirstDeploy } from './run-first-deploy.js';

const plan = planFirstDeploy({ environment: devEnvironment, gitSha: sampleSha });
const quiet = { preflightProblems: [], log: () => undefined };
const resources = plan.images.find((image) => image.tag.startsWith('tollgate-resources-'));

describe('runFirstDeploy', () => {
  it('runs repository → bundles → each missing image → every stack, in that order', async () => {
    // The first key a command contains decides its exit code.
    const { runner, ran } = recordingRunner({
      [`manifest inspect ${resources?.uri}`]: 0,
      'manifest inspect': 1,
    });
    await runFirstDeploy(plan, { ...quiet, runner, dryRun: false });
    expect(ran).toEqual(
      [
        plan.repository,
        plan.bundles,
        // Each image in the registry's order; resources was already pushed by an earlier,
        // failed run: not rebuilt.
        ...plan.images.flatMap((image) =>
          image === resources ? [image.exists] : [image.exists, image.build, image.push],
        ),
        plan.deploy,
      ].map((command) => formatCommand(command as Command)),
    );
  });

  it('refuses to start while preflight reports a problem', async () => {
    const { runner, ran } = recordingRunner();
    await expect(
      runFirstDeploy(plan, {
        runner,
        dryRun: false,
        preflightProblems: ['account: 111111111111 is a placeholder'],
        log: () => undefined,
      }),
    ).rejects.toThrow(
      new DeployError("dev: preflight found 1 problem(s); fix the environment's config first"),
    );
    expect(ran).toEqual([]);
  });

  it('stops at the first failing command and names it', async () => {
    const { runner, ran } = recordingRunner({ 'features=repository': 3 });
    await expect(runFirstDeploy(plan, { ...quiet, runner, dryRun: false })).rejects.toThrow(
      `command failed (exit 3): ${formatCommand(plan.repository)}`,
    );
    expect(ran).toHaveLength(1);
  });

  it('dry run: prints every command, runs only the bundle build and the synth, and reports preflight problems', async () => {
    const { runner, ran } = recordingRunner();
    const log: string[] = [];
    await runFirstDeploy(plan, {
      runner,
      dryRun: true,
      preflightProblems: ['account: 111111111111 is a placeholder'],
      log: (line) => log.push(line),
    });
    expect(ran).toEqual([formatCommand(plan.bundles), formatCommand(plan.synth)]);
    expect(log).toContain('[first-deploy dev] preflight: account: 111111111111 is a placeholder');
    expect(log).toContain(`[first-deploy dev]   ${formatCommand(plan.deploy)}`);
  });
});
