import {
  imageTag,
  imageTagContextKey,
  lambdaImages,
  lambdaStackKind,
  stackName,
} from '@tollgate/domain-registry';
import type { Command } from './command.js';
import { DeployError } from './deploy-error.js';
import type { DeployEnvironment } from './deploy-environment.js';
import { ecrImageUri } from './image-reference.js';

/** The Nx project whose `deploy` target ships the stacks that hold no Lambda (FeatureSet `shared`). */
export const sharedStacksProject = 'infra';

/** The container image a Lambda deploy builds and pushes before its stack points at it. */
export interface ImageSteps {
  readonly tag: string;
  readonly uri: string;
  /** Exits 0 when the tag is already in ECR: tags are immutable, so a retry must not rebuild. */
  readonly exists: Command;
  readonly build: Command;
  readonly push: Command;
}

/** Everything one project's `deploy` runs, computed from its inputs alone. */
export interface DeployPlan {
  readonly project: string;
  /** What the cdk commands select, for messages: a stack name or `FeatureSet shared`. */
  readonly target: string;
  readonly image?: ImageSteps;
  /** Synthesizes exactly what `deploy` would deploy (what a dry run runs for real). */
  readonly synth: Command;
  readonly deploy: Command;
}

export interface DeployPlanInput {
  readonly project: string;
  readonly environment: DeployEnvironment;
  /** The commit being shipped, 40 lowercase hex digits. */
  readonly gitSha: string;
}

const dockerPlatforms = { arm64: 'linux/arm64', x86_64: 'linux/amd64' } as const;

/** A cdk CLI command run in apps/infra with `-c key=value` for each context entry. */
export function cdk(
  verb: 'synth' | 'deploy',
  args: readonly string[],
  context: Readonly<Record<string, string>>,
): Command {
  const contextArgs = Object.entries(context).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  return { argv: ['npx', 'cdk', verb, ...args, ...contextArgs], cwd: 'apps/infra' };
}

/**
 * The commands that ship one project. A Lambda app builds and pushes its image, then deploys
 * its own stack alone (`--exclusively`, FeatureSet `lambda-<image>`): the CDK app then holds no
 * other Lambda stack, so no other image tag is needed — the other functions keep running the
 * tag their own last deploy set. `infra` deploys FeatureSet `shared`, which holds no Lambda.
 */
export function planDeploy({ project, environment, gitSha }: DeployPlanInput): DeployPlan {
  if (!/^[0-9a-f]{40}$/.test(gitSha)) {
    throw new DeployError(`git sha "${gitSha}" is not a full commit id (40 lowercase hex digits)`);
  }
  const env = environment.name;
  if (project === sharedStacksProject) {
    const context = { env, features: 'shared' };
    return {
      project,
      target: 'FeatureSet shared',
      synth: cdk('synth', ['--quiet'], context),
      deploy: cdk('deploy', ['--all', '--require-approval', 'never'], context),
    };
  }

  const image = lambdaImages.find(({ lambdaApp }) => lambdaApp === project);
  if (image === undefined) {
    const deployable = [sharedStacksProject, ...lambdaImages.map(({ lambdaApp }) => lambdaApp)];
    throw new DeployError(
      `"${project}" has nothing to deploy: expected one of ${deployable.join(', ')}`,
    );
  }
  const { imageName } = image;
  const tag = imageTag(environment.repositoryName, imageName, gitSha);
  const uri = ecrImageUri(environment, tag);
  const kind = lambdaStackKind(imageName);
  const stack = stackName(environment.project, env, kind);
  const context = { env, features: kind, [imageTagContextKey(imageName)]: tag };
  return {
    project,
    target: stack,
    image: {
      tag,
      uri,
      exists: { argv: ['docker', 'manifest', 'inspect', uri] },
      build: {
        argv: [
          'docker',
          'build',
          '--platform',
          dockerPlatforms[environment.architecture],
          // Lambda rejects the image index that BuildKit's default provenance attestation creates.
          '--provenance=false',
          '-f',
          `apps/${project}/Dockerfile`,
          '-t',
          uri,
          '.',
        ],
      },
      push: { argv: ['docker', 'push', uri] },
    },
    synth: cdk('synth', [stack, '--exclusively', '--quiet'], context),
    deploy: cdk('deploy', [stack, '--exclusively', '--require-approval', 'never'], context),
  };
}
