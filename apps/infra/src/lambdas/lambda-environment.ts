import type { LambdaImageDefinition } from '@tollgate/domain-registry';
import { platformConfigValue, type PlatformConfig } from '@tollgate/platform-config';

/**
 * A Lambda's environment in AWS, from its registry contract: secrets travel by name (its own
 * role may read exactly those), config values by value; an unset optional value is left out.
 * `envName`: the environment deployed (values such as the usage identifier namespace name it).
 */
export function lambdaEnvironment(
  image: LambdaImageDefinition,
  config: PlatformConfig,
  envName: string,
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [variable, source] of Object.entries(image.runtime.aws)) {
    const value =
      'secret' in source
        ? config.secrets[source.secret]
        : platformConfigValue(config, source.config, envName);
    if (value !== undefined) environment[variable] = value;
  }
  return environment;
}
