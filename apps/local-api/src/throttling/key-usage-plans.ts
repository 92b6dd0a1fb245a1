import { DEFAULT_USAGE_PLAN, type UsageIdentifiers } from '@tollgate/authz';
import { CachingKeyMapLoader, fileKeyMapSource } from '@tollgate/authz/authorizer';

export interface KeyUsagePlansOptions {
  /** The key map the authorizer bundle reads. */
  readonly apiKeysFile: string;
  readonly usageIdentifiers: UsageIdentifiers;
  /** How long a read of the map is used; default 1 s, so a changed plan is followed at once. */
  readonly ttlMs?: number;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A key's usage plan, as `tollgate-keys publish` registers it in AWS: read from the same key map
 * through the authorizer's own loader (`KeyIdentity.usagePlan`). A key the map does not know
 * (changed since the authorizer allowed it) is in `default`. The authorizer bundle reports
 * map problems itself, so this reader is silent.
 */
export function keyUsagePlans(options: KeyUsagePlansOptions): (apiKey: string) => Promise<string> {
  const loader = new CachingKeyMapLoader({
    source: fileKeyMapSource(options.apiKeysFile),
    ttlMs: options.ttlMs ?? 1000,
    usageIdentifiers: options.usageIdentifiers,
    logger: silent,
  });
  return async (apiKey) => {
    const found = (await loader.keyMapFor(apiKey))?.keys.find(apiKey);
    return found?.known ? found.identity.usagePlan : DEFAULT_USAGE_PLAN;
  };
}
