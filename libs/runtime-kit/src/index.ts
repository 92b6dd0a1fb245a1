export {
  createLogger,
  withLogger,
  type LambdaLogger,
  type LogFields,
  type Logger,
  type LoggerOptions,
} from './logger.js';
export {
  cachedSecret,
  type CachedSecret,
  type CachedSecretOptions,
  type SecretsManagerTimeouts,
} from './cached-secret.js';
export {
  callerCompanyId,
  CallerContextError,
  companyIdPattern,
  type AuthorizedEvent,
} from './caller-company.js';
export { ConfigError, configFromEnv, type Env } from './config-from-env.js';
export { requestMetrics } from './request-metrics.js';
export {
  keyFingerprint,
  requestTelemetry,
  type RequestRecord,
  type RequestTelemetryOptions,
} from './request-telemetry.js';
