import type { PlatformConfigInput } from '../config-schema.js';

/** Production account. Ids are this team's; replace them when forking the platform. */
export const prod: PlatformConfigInput = {
  project: 'tollgate',
  account: '222222222222',
  region: 'eu-west-1',
  repository: { name: 'tollgate', maxImageCount: 200 },
  vpc: {
    vpcId: 'vpc-0f9e8d7c6b5a40001',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    privateSubnetIds: [
      'subnet-0f9e8d7c6b5a40011',
      'subnet-0f9e8d7c6b5a40012',
      'subnet-0f9e8d7c6b5a40013',
    ],
    securityGroupIds: ['sg-0f9e8d7c6b5a40021'],
    natGateway: true,
    secretsManagerEndpoint: true,
  },
  secrets: {
    database: 'tollgate/prod/database',
    apiKeys: 'tollgate/prod/api-key-map',
    analyticsApiToken: 'tollgate/prod/analytics-api-token',
  },
  analytics: { apiUrl: 'https://analytics.example.com' },
  lambdas: {
    authorizer: { memorySize: 1024, timeoutSeconds: 5, reservedConcurrency: 200 },
    resources: { memorySize: 1769, timeoutSeconds: 10 },
    analytics: { memorySize: 1024, timeoutSeconds: 15 },
  },
  architecture: 'arm64',
  domain: {
    domainName: 'api.tollgate.dev',
    hostedZoneId: 'Z0123456789PRODZONE1',
    hostedZoneName: 'tollgate.dev',
    certificateArn:
      'arn:aws:acm:eu-west-1:222222222222:certificate/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  },
  api: {
    stageName: 'v1',
    throttle: { rateLimit: 500, burstLimit: 1000 },
    usagePlans: {
      default: { throttle: { rateLimit: 100, burstLimit: 200 } },
      partner: {
        throttle: { rateLimit: 400, burstLimit: 800 },
        quota: { limit: 50_000_000, period: 'MONTH' },
      },
    },
    waf: { rateLimitPerIp: 6000 },
  },
  logRetentionDays: 90,
  alarms: {
    periodMinutes: 5,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    minimumRequests: 100,
    clientErrorRateThreshold: 0.25,
    serverErrorRateThreshold: 0.01,
    slack: { workspaceId: 'T0TOLLGATE', channelId: 'C0PRODALERT' },
  },
};
