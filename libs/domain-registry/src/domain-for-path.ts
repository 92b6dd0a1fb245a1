import type { DomainDefinition } from './domain-definition.js';
import { domains } from './domains.js';

/**
 * The domain owning a request path, by whole leading segment: `/resources/1` and `/resources`
 * belong to `/resources`, `/resourcesX` does not.
 */
export function domainForPath(
  path: string,
  registry: readonly DomainDefinition[] = domains,
): DomainDefinition | undefined {
  return registry.find((domain) =>
    domain.basePaths.some((base) => path === base || path.startsWith(`${base}/`)),
  );
}
