import type { UsageIdentifiers } from '@tollgate/authz';
import { resourcePrefix } from '@tollgate/domain-registry';
import { loadConfig, parseConfig, PlatformConfigError } from '@tollgate/platform-config';
import { ConfigError } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';
import type { Throttle } from './throttling/token-bucket.js';
import type { UsagePlanLimits } from './throttling/usage-limiter.js';

/** The environment whose API limits the local API applies unless told otherwise. */
export const limitsEnvironment = 'dev';

/** The API Gateway limits the local API emulates: the platform config's `api` section. */
export interface LocalLimits {
  /** `api.throttle`: the stage's. */
  readonly stage: Throttle;
  /** `api.usagePlans`. */
  readonly usagePlans: Readonly<Record<string, UsagePlanLimits>>;
  /** `api.usageIdentifiers`, with the local deployment's namespace. */
  readonly usageIdentifiers: UsageIdentifiers;
  /** The local deployment, `<project>-local`: what per-plan identifiers are derived within. */
  readonly namespace: string;
}

// Only the shape is checked here; the values are the platform config's to judge.
const overrideSchema = z.strictObject({
  throttle: z.optional(z.unknown()),
  usagePlans: z.optional(z.unknown()),
  usageIdentifiers: z.optional(z.unknown()),
});

/**
 * The dev config's `api.throttle`, `api.usagePlans` and `api.usageIdentifiers`, each replaced by
 * the one `LOCAL_API_LIMITS` (JSON, e.g. `{"usagePlans":{"default":{"throttle":{"rateLimit":1,
 * "burstLimit":2}}}}`) gives, validated by the platform config's own rules. Throws `ConfigError`.
 */
export function localLimits(override: string | undefined): LocalLimits {
  const base = loadConfig(limitsEnvironment);
  const replaced = override === undefined ? {} : parseOverride(override);
  let config;
  try {
    config = parseConfig('local', { ...base, api: { ...base.api, ...replaced } });
  } catch (error) {
    if (!(error instanceof PlatformConfigError)) throw error;
    throw new ConfigError(`LOCAL_API_LIMITS ${error.message}`);
  }
  const { throttle, usagePlans, usageIdentifiers } = config.api;
  const names = Object.keys(usagePlans);
  const namespace = resourcePrefix(config.project, 'local');
  return {
    stage: throttle,
    usagePlans,
    usageIdentifiers:
      usageIdentifiers === 'per-plan'
        ? { mode: 'per-plan', namespace, usagePlans: names }
        : { mode: 'per-key', usagePlans: names },
    namespace,
  };
}

function parseOverride(text: string): z.output<typeof overrideSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('LOCAL_API_LIMITS must be JSON');
  }
  const parsed = overrideSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      'LOCAL_API_LIMITS must be a JSON object of throttle, usagePlans and usageIdentifiers',
    );
  }
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  ) as z.output<typeof overrideSchema>;
}
