export {
  platformConfigSchema,
  type LambdaSettings,
  type PlatformConfig,
  type PlatformConfigInput,
} from './config-schema.js';
export { environments, loadConfig, parseConfig } from './load-config.js';
export { PlatformConfigError } from './platform-config-error.js';
export { platformConfigValue, secretResourceName } from './runtime-values.js';
export { exampleIds } from './example-ids.js';
