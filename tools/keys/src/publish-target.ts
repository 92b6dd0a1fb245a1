import { usageIdentifierFor, usagePlanOf, type UsageIdentifiers } from '@tollgate/authz';
import { shardKeyMap } from '@tollgate/authz/offline';
import { resourcePrefix } from '@tollgate/domain-registry';
import type { PlatformConfig } from '@tollgate/platform-config';
import type { EditableKeyMap } from './key-map-file.js';

/** What `publish` reads of the platform config. */
export type PublishConfig = Pick<
  PlatformConfig,
  'project' | 'region' | 'secrets' | 'apiKeyShards'
> & {
  readonly api: Pick<PlatformConfig['api'], 'usagePlans' | 'usageIdentifiers'>;
};

/** One secret as it should be: the key map's shard `name` as minified JSON. */
export interface DesiredShard {
  readonly secretId: string;
  readonly json: string;
  readonly keys: number;
}

/** What a deployment should hold after `publish`: the shard secrets and the API Gateway side. */
export interface PublishTarget {
  readonly shards: readonly DesiredShard[];
  /** Usage identifier → the name of the usage plan it must be attached to (`<project>-<env>-<plan>`). */
  readonly identifiers: ReadonlyMap<string, string>;
  /** The deployment's usage plans (`<project>-<env>-<plan>`, one per config entry). */
  readonly usagePlans: readonly string[];
  /** `<project>-<env>`: the deployment, which tags the API keys `publish` creates. */
  readonly deployment: string;
}

/**
 * The shards and usage identifiers a map should be published as. The map is split into the
 * config's `apiKeyShards` secrets `<apiKeys>/shard-NNN`, or stored whole (as shard 0 of 1) in the
 * `apiKeys` secret. Throws `RangeError` when it does not fit that many secrets.
 */
export function publishTarget(
  map: EditableKeyMap,
  config: PublishConfig,
  envName: string,
): PublishTarget {
  const deployment = resourcePrefix(config.project, envName);
  const planNames = Object.keys(config.api.usagePlans);
  const sharded = config.apiKeyShards !== undefined;
  const shards = shardKeyMap(
    { version: 2, plans: map.plans, keys: map.keys },
    { shards: config.apiKeyShards ?? 1 },
  ).map((shard) => ({
    secretId: sharded ? `${config.secrets.apiKeys}/${shard.name}` : config.secrets.apiKeys,
    json: shard.json,
    keys: shard.keys,
  }));
  const mode: UsageIdentifiers =
    config.api.usageIdentifiers === 'per-plan'
      ? { mode: 'per-plan', namespace: deployment, usagePlans: planNames }
      : { mode: 'per-key' };
  const identifiers = new Map<string, string>();
  for (const [storedName, entry] of Object.entries(map.keys)) {
    const plans = entry.plans ?? [];
    identifiers.set(
      usageIdentifierFor(mode, storedName, plans),
      `${deployment}-${usagePlanOf(plans, planNames)}`,
    );
  }
  return {
    shards,
    identifiers,
    usagePlans: planNames.map((plan) => `${deployment}-${plan}`),
    deployment,
  };
}
