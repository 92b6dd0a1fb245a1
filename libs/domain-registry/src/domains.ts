import type { DomainDefinition, LambdaImageDefinition } from './domain-definition.js';

export const domains: readonly DomainDefinition[] = [
  {
    name: 'resources',
    lambdaApp: 'resources-lambda',
    imageName: 'resources',
    basePaths: ['/resources'],
    apiResources: ['/resources', '/resources/{proxy+}'],
    routeTableModule: '@tollgate/domain-resources/route-table',
  },
  {
    name: 'analytics',
    lambdaApp: 'analytics-lambda',
    imageName: 'analytics',
    basePaths: ['/analytics'],
    apiResources: ['/analytics/{proxy+}'],
    routeTableModule: '@tollgate/domain-analytics/route-table',
  },
];

export const authorizerImage: LambdaImageDefinition = {
  lambdaApp: 'authorizer-lambda',
  imageName: 'authorizer',
};

/** Every Lambda image the platform builds: the authorizer first, then one per domain. */
export const lambdaImages: readonly LambdaImageDefinition[] = [
  authorizerImage,
  ...domains.map(({ lambdaApp, imageName }) => ({ lambdaApp, imageName })),
];
