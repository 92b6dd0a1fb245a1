import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DeployError } from './deploy-error.js';

/** What shipping to one environment needs, taken from the infra app's config for it. */
export interface DeployEnvironment {
  /** `dev`, `prod`: the `-c env=` of every cdk command. */
  readonly name: string;
  /** First part of every stack and function name: `<project>-<env>-…`. */
  readonly project: string;
  readonly account: string;
  readonly region: string;
  /** The ECR repository holding every image; tags are `<repositoryName>-<image>-<git-sha>`. */
  readonly repositoryName: string;
  readonly architecture: 'arm64' | 'x86_64';
}

/** The part of infra's `InfraConfig` the tools read; anything else in it is infra's business. */
const infraConfigFacts = z.object({
  project: z.string().min(1),
  account: z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id'),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region'),
  repository: z.object({ name: z.string().min(1) }),
  architecture: z.enum(['arm64', 'x86_64']),
});

/** Picks and checks the facts from one environment's infra config (as `loadConfig` returns it). */
export function deployEnvironmentFrom(envName: string, infraConfig: unknown): DeployEnvironment {
  const parsed = infraConfigFacts.safeParse(infraConfig);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new DeployError(`infra config for env "${envName}" is unusable: ${problems.join('; ')}`);
  }
  const { project, account, region, repository, architecture } = parsed.data;
  return { name: envName, project, account, region, repositoryName: repository.name, architecture };
}

/** The infra config module's one export the tools use. */
const infraConfigModule = z.object({
  loadConfig: z.custom<(envName: string) => unknown>((value) => typeof value === 'function'),
});

/**
 * Reads `apps/infra/src/config/load-config.ts` at run time (under tsx): the config has exactly
 * one home, and a tool may not import an app's code statically (module boundaries). The
 * dependency is declared as an implicit one in `tools/deploy/project.json`.
 */
export async function loadDeployEnvironment(
  envName: string,
  workspaceRoot: string,
): Promise<DeployEnvironment> {
  const url = pathToFileURL(join(workspaceRoot, 'apps/infra/src/config/load-config.ts')).href;
  const { loadConfig } = infraConfigModule.parse(await import(url));
  let config: unknown;
  try {
    config = loadConfig(envName);
  } catch (error) {
    throw new DeployError(`DEPLOY_ENV=${envName}: ${(error as Error).message}`);
  }
  return deployEnvironmentFrom(envName, config);
}
