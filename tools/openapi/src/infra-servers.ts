import { join } from 'node:path';
import type { OpenApiServer } from '@tollgate/router/openapi';
import * as z from 'zod';

/** The part of an environment's infra config that says where its API answers. */
const publishedAt = z.object({
  domain: z.object({ domainName: z.string().min(1) }),
  api: z.object({ stageName: z.string().min(1) }),
});

/** One server per environment: its custom domain, whose root is mapped to the API's stage. */
export function serversOf(environments: Readonly<Record<string, unknown>>): OpenApiServer[] {
  return Object.entries(environments).map(([name, config]) => {
    const { domain, api } = publishedAt.parse(config);
    return { url: `https://${domain.domainName}`, description: `${name} (stage ${api.stageName})` };
  });
}

/**
 * The servers of every environment the infra app deploys. Read from the infra app's config at
 * run time (a tool may not import an app); the Nx project depends on `infra` implicitly.
 */
export async function infraServers(workspaceRoot: string): Promise<OpenApiServer[]> {
  const config = (await import(join(workspaceRoot, 'apps/infra/src/config/load-config.ts'))) as {
    environments: Readonly<Record<string, unknown>>;
  };
  return serversOf(config.environments);
}
