import type { PlatformConfigInput } from '../config-schema.js';

/** Development account. Ids are this team's; replace them when forking the platform. */
export const dev: PlatformConfigInput = {
  project: 'tollgate',
  account: '111111111111',
  region: 'eu-west-1',
  repository: { name: 'tollgate', maxImageCount: 50 },
  vpc: {
    vpcId: 'vpc-0a1b2c3d4e5f60001',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    privateSubnetIds: ['subnet-0a1b2c3d4e5f60011', 'subnet-0a1b2c3d4e5f60012'],
    securityGroupIds: ['sg-0a1b2c3d4e5f60021'],
    natGateway: true,
  },
  secrets: {
    database: 'tollgate/dev/database',
    apiKeys: 'tollgate/dev/api-key-map',
    analyticsApiToken: 'tollgate/dev/analytics-api-token',
  },
  analytics: { apiUrl: 'https://analytics.sandbox.example.com' },
  lambdas: {
    authorizer: { memorySize: 512, timeoutSeconds: 5, reservedConcurrency: 50 },
    resources: { memorySize: 1024, timeoutSeconds: 10 },
    analytics: { memorySize: 512, timeoutSeconds: 15 },
  },
  architecture: 'arm64',
  domain: {
    domainName: 'api.dev.tollgate.dev',
    hostedZoneId: 'Z0123456789DEVZONE01',
    hostedZoneName: 'dev.tollgate.dev',
    certificateArn:
      'arn:aws:acm:eu-west-1:111111111111:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  },
  api: {
    stageName: 'v1',
    throttle: { rateLimit: 50, burstLimit: 100 },
    usagePlans: {
      default: { throttle: { rateLimit: 20, burstLimit: 40 } },
      partner: {
        throttle: { rateLimit: 40, burstLimit: 80 },
        quota: { limit: 1_000_000, period: 'MONTH' },
      },
    },
  },
  logRetentionDays: 14,
  alarms: {
    periodMinutes: 5,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    minimumRequests: 20,
    clientErrorRateThreshold: 0.5,
    serverErrorRateThreshold: 0.05,
    slack: { workspaceId: 'T0TOLLGATE', channelId: 'C0DEVALERTS' },
  },
};
