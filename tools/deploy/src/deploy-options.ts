import { z } from 'zod';
import { DeployError } from './deploy-error.js';

export interface DeployOptions {
  /** The Nx project being deployed: `infra` or a Lambda app. */
  readonly project: string;
  readonly envName: string;
  readonly dryRun: boolean;
}

export const deployUsage =
  'usage: [DEPLOY_ENV=<dev|prod>] [DEPLOY_DRY_RUN=1] tsx tools/deploy/src/deploy.ts <project>';

const deployEnv = z.object({
  DEPLOY_ENV: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected an environment name such as dev or prod')
    .default('dev'),
  DEPLOY_DRY_RUN: z
    .enum(['', '0', '1', 'false', 'true'], { error: 'expected 1 or 0 (or true/false)' })
    .default('')
    .transform((value) => value === '1' || value === 'true'),
});

/**
 * Reads the command line and environment of one `deploy` run. Flags are refused outright:
 * Nx forwards its own command-line flags (such as `--dry-run`) to the command, and a dry run
 * that was silently ignored would deploy.
 */
export function parseDeployOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DeployOptions {
  const flag = argv.find((arg) => arg.startsWith('-'));
  if (flag !== undefined) {
    throw new DeployError(
      `unexpected flag ${flag}: options come from the environment (a dry run is DEPLOY_DRY_RUN=1)\n${deployUsage}`,
    );
  }
  if (argv.length !== 1 || argv[0] === undefined) {
    throw new DeployError(`expected exactly one project, got ${argv.length}\n${deployUsage}`);
  }
  const parsed = deployEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new DeployError(`${problems.join('; ')}\n${deployUsage}`);
  }
  return { project: argv[0], envName: parsed.data.DEPLOY_ENV, dryRun: parsed.data.DEPLOY_DRY_RUN };
}
