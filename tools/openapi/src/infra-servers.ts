import { environments } from '@tollgate/platform-config';
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

/** The servers of every environment the platform config deploys. */
export function infraServers(): OpenApiServer[] {
  return serversOf(environments);
}
