import { formatCommand } from './command.js';
import { recordingRunner } from './command-runner.test-support.js';
import { devEnvironment, sampleSha } from './deploy-environment.test-support.js';
import { planDeploy } from './deploy-plan.js';
import { imageSteps } from './deploy-plan.test-support.js';
import { runDeployPlan } from './run-deploy-plan.js';

const ignoreLog = () => undefined;
const lambdaPlan = planDeploy({
  project: 'resources-lambda',
  environment: devEnvironment,
  gitSha: sampleSha,
});
const image = imageSteps(lambdaPlan);
const infraPlan = planDeploy({ project: 'infra', environment: devEnvironment, gitSha: sampleSha });

describe('runDeployPlan', () => {
  it('builds and pushes the image, then deploys the stack, when the tag is not in ECR yet', async () => {
    const { runner, ran } = recordingRunner({ 'manifest inspect': 1 });
    await runDeployPlan(lambdaPlan, { runner, dryRun: false, log: ignoreLog });
    expect(ran).toEqual(
      [image.exists, image.build, image.push, lambdaPlan.deploy].map(formatCommand),
    );
  });

  it('does not rebuild a tag that is already in ECR (a retried deploy), and still deploys', async () => {
    const { runner, ran } = recordingRunner({ 'manifest inspect': 0 });
    const log: string[] = [];
    await runDeployPlan(lambdaPlan, { runner, dryRun: false, log: (line) => log.push(line) });
    expect(ran).toEqual([formatCommand(image.exists), formatCommand(lambdaPlan.deploy)]);
    expect(log).toContain(
      `[deploy resources-lambda] ${image.uri} is already in ECR (tags are immutable): not rebuilt`,
    );
  });

  it('stops at the first failing command and names it', async () => {
    const { runner, ran } = recordingRunner({ 'manifest inspect': 1, 'docker push': 3 });
    await expect(
      runDeployPlan(lambdaPlan, { runner, dryRun: false, log: ignoreLog }),
    ).rejects.toThrow(`resources-lambda: command failed (exit 3): ${formatCommand(image.push)}`);
    expect(ran).not.toContain(formatCommand(lambdaPlan.deploy));
  });

  it('deploys infra without any image step', async () => {
    const { runner, ran } = recordingRunner();
    await runDeployPlan(infraPlan, { runner, dryRun: false, log: ignoreLog });
    expect(ran).toEqual([formatCommand(infraPlan.deploy)]);
  });
});

describe('runDeployPlan with DEPLOY_DRY_RUN', () => {
  it('prints the exact docker and cdk commands and runs only the synth', async () => {
    const { runner, ran } = recordingRunner();
    const log: string[] = [];
    await runDeployPlan(lambdaPlan, { runner, dryRun: true, log: (line) => log.push(line) });

    expect(ran).toEqual([formatCommand(lambdaPlan.synth)]);
    const printed = log.join('\n');
    for (const command of [image.build, image.push, lambdaPlan.deploy]) {
      expect(printed).toContain(`\n[deploy resources-lambda]   ${formatCommand(command)}\n`);
    }
  });

  it('fails when the synth fails, so a dry run proves the deploy would synthesize', async () => {
    const { runner } = recordingRunner({ 'cdk synth': 1 });
    await expect(
      runDeployPlan(infraPlan, { runner, dryRun: true, log: ignoreLog }),
    ).rejects.toThrow('infra: command failed (exit 1)');
  });
});
