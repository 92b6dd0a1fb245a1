import { PlatformConfigError } from './platform-config-error.js';
import { platformConfigSchema, type PlatformConfig } from './config-schema.js';
import { dev } from './environments/dev.js';
import { prod } from './environments/prod.js';

/** Every deployable environment, picked with `-c env=<name>`. */
export const environments: Readonly<Record<string, unknown>> = { dev, prod };

/** Validates one environment's config; any problem becomes one line naming each bad value. */
export function parseConfig(envName: string, raw: unknown): PlatformConfig {
  const result = platformConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
  throw new PlatformConfigError(`Invalid config for env "${envName}": ${problems.join('; ')}`);
}

export function loadConfig(envName: string): PlatformConfig {
  const raw = Object.hasOwn(environments, envName) ? environments[envName] : undefined;
  if (raw === undefined) {
    throw new PlatformConfigError(
      `Unknown env "${envName}": pass -c env=<${Object.keys(environments).join('|')}>`,
    );
  }
  return parseConfig(envName, raw);
}
