import {
  imageTag,
  isImageTagOf,
  lambdaFunctionName,
  lambdaImages,
} from '@tollgate/domain-registry';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DeployError } from './deploy-error.js';
import type { DeployEnvironment } from './deploy-environment.js';
import { ecrImageUri } from './image-reference.js';

export const rollbackUsage =
  'usage: npx nx run deploy-tools:rollback -- --environment <dev|prod> --image <' +
  lambdaImages.map(({ imageName }) => imageName).join('|') +
  '> --tag <repo>-<image>-<git-sha> [--max-wait-seconds 300]';

export interface RollbackArgs {
  readonly envName: string;
  readonly imageName: string;
  readonly tag: string;
  readonly maxWaitSeconds: number;
}

const imageNames = lambdaImages.map(({ imageName }) => imageName) as [string, ...string[]];

const rollbackArgs = z.object({
  environment: z
    .string({ error: 'required' })
    .regex(/^[a-z][a-z0-9-]*$/, 'expected an environment name'),
  image: z.enum(imageNames, { error: `required, one of ${imageNames.join(', ')}` }),
  tag: z.string({ error: 'required' }).regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected an image tag'),
  'max-wait-seconds': z.coerce.number().int().min(10).max(3600).default(300),
});

/** Parses `--environment --image --tag [--max-wait-seconds]`; anything else is a usage error. */
export function parseRollbackArgs(argv: readonly string[]): RollbackArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        environment: { type: 'string' },
        image: { type: 'string' },
        tag: { type: 'string' },
        'max-wait-seconds': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new DeployError(`${(error as Error).message}\n${rollbackUsage}`);
  }
  const parsed = rollbackArgs.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `--${issue.path.join('.')}: ${issue.message}`,
    );
    throw new DeployError(`${problems.join('; ')}\n${rollbackUsage}`);
  }
  const { environment, image, tag } = parsed.data;
  return {
    envName: environment,
    imageName: image,
    tag,
    maxWaitSeconds: parsed.data['max-wait-seconds'],
  };
}

/** Which function to point at which image. */
export interface RollbackTarget {
  readonly functionName: string;
  readonly imageUri: string;
}

/**
 * The function and image URI for a rollback. The tag must be one of that image's own tags:
 * pointing the resources function at an authorizer image would "succeed" and break the API.
 */
export function rollbackTarget(args: RollbackArgs, environment: DeployEnvironment): RollbackTarget {
  const { imageName, tag } = args;
  if (!isImageTagOf(environment.repositoryName, imageName, tag)) {
    throw new DeployError(
      `--tag ${tag} is not a ${imageName} image: expected ${imageTag(environment.repositoryName, imageName, '<git-sha>')}`,
    );
  }
  return {
    functionName: lambdaFunctionName(environment.project, environment.name, imageName),
    imageUri: ecrImageUri(environment, tag),
  };
}
