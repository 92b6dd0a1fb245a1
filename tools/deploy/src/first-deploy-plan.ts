import { imageTagContextKey, lambdaImages, stackName } from '@tollgate/domain-registry';
import type { Command } from './command.js';
import type { DeployEnvironment } from './deploy-environment.js';
import { cdk, planDeploy, type ImageSteps } from './deploy-plan.js';

/**
 * A new environment's first deploy, in the only order that works: the ECR repository, then every
 * image into it, then every other stack (the Lambdas need their images to exist).
 */
export interface FirstDeployPlan {
  readonly environment: string;
  /** `cdk deploy` of the repository stack alone (FeatureSet `repository`). */
  readonly repository: Command;
  /** Builds every Lambda bundle the images copy. */
  readonly bundles: Command;
  readonly images: readonly ImageSteps[];
  /** Synthesizes FeatureSet `all` with every image's tag (what a dry run runs for real). */
  readonly synth: Command;
  /** `cdk deploy --all` of FeatureSet `all` with every image's tag. */
  readonly deploy: Command;
}

export interface FirstDeployPlanInput {
  readonly environment: DeployEnvironment;
  /** The commit being shipped, 40 lowercase hex digits. */
  readonly gitSha: string;
}

export function planFirstDeploy({ environment, gitSha }: FirstDeployPlanInput): FirstDeployPlan {
  const env = environment.name;
  const planned = lambdaImages.map(({ lambdaApp, imageName }) => {
    const { image } = planDeploy({ project: lambdaApp, environment, gitSha });
    if (image === undefined) throw new Error(`${lambdaApp} plans no image`);
    return { imageName, image };
  });
  const images = planned.map(({ image }) => image);
  const tags = Object.fromEntries(
    planned.map(({ imageName, image }) => [imageTagContextKey(imageName), image.tag]),
  );
  const all = { env, features: 'all', ...tags };
  const repositoryStack = stackName(environment.project, env, 'repository');
  return {
    environment: env,
    repository: cdk('deploy', [repositoryStack, '--exclusively', '--require-approval', 'never'], {
      env,
      features: 'repository',
    }),
    bundles: {
      argv: [
        'npx',
        'nx',
        'run-many',
        '-t',
        'build',
        '-p',
        ...lambdaImages.map(({ lambdaApp }) => lambdaApp),
      ],
    },
    images,
    synth: cdk('synth', ['--quiet'], all),
    deploy: cdk('deploy', ['--all', '--require-approval', 'never'], all),
  };
}
