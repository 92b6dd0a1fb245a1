export type { DomainDefinition, LambdaImageDefinition } from './domain-definition.js';
export { domains, authorizerImage, lambdaImages } from './domains.js';
export {
  localValues,
  platformConfigValues,
  platformSecrets,
  postgresContract,
  secretsReadBy,
  type AwsVariable,
  type LocalValue,
  type PlatformConfigValue,
  type PlatformSecret,
  type RuntimeContract,
} from './runtime-contract.js';
export { domainForPath } from './domain-for-path.js';
export { binaryMediaTypes } from './binary-media-types.js';
export {
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
  problemContentType,
  type GatewayFallbackProblem,
  type GatewayProblem,
  type GatewayProblemBody,
  type GatewayProblemSlug,
} from './gateway-problems.js';
export {
  gitShaPattern,
  imageTag,
  imageTagContextKey,
  isImageTagOf,
  lambdaFunctionName,
  lambdaLogGroupName,
  lambdaStackKind,
  resourcePrefix,
  stackName,
} from './naming.js';
export { loadRouteTables, RouteTableError, type ModuleImporter } from './route-tables.js';
export { servedPaths } from './served-paths.js';
