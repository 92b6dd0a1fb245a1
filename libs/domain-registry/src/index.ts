export type { DomainDefinition, LambdaImageDefinition } from './domain-definition.js';
export { domains, authorizerImage, lambdaImages } from './domains.js';
export { domainForPath } from './domain-for-path.js';
