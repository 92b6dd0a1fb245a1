import { lambdaImages, platformSecrets, type PlatformSecret } from '@tollgate/domain-registry';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';

const retentionDays = new Set(
  Object.values(RetentionDays).filter((value): value is number => typeof value === 'number'),
);

const awsId = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}-[0-9a-f]{8}([0-9a-f]{9})?$`), `expected ${prefix}-<hex id>`);

/** A secret referenced by name: the role's policy and the Lambdas' env are built from it. */
const secretName = z
  .string()
  .regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, 'expected a Secrets Manager secret name')
  .refine((name) => !/-[A-Za-z0-9]{6}$/.test(name), {
    // AWS advises against it: Secrets Manager would read the end as the ARN's random suffix.
    message: 'must not end with a hyphen and six characters (AWS reads that as the ARN suffix)',
  });

const rate = z.number().gt(0).lte(1);

const lambdaSettings = z.strictObject({
  memorySize: z.number().int().min(128).max(10240),
  timeoutSeconds: z.number().int().min(1).max(29),
  /**
   * Concurrency set aside for this function (and its cap): the authorizer's keeps a burst on one
   * domain from starving every request's first step. Absent: the account's unreserved pool.
   */
  reservedConcurrency: z.number().int().min(1).optional(),
});

const throttle = z.strictObject({
  rateLimit: z.number().positive(),
  burstLimit: z.number().int().positive(),
});

/** The key map's plan-name rule (`@tollgate/authz`): a usage plan is named like the plans keys list. */
const usagePlanName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'expected a key-map plan name');

/** One API Gateway usage plan: each of its API keys' throttle and optional quota. */
const usagePlan = z.strictObject({
  throttle,
  quota: z
    .strictObject({
      limit: z.number().int().positive(),
      period: z.enum(['DAY', 'WEEK', 'MONTH']),
    })
    .optional(),
});

/** A host name (an RDS, Aurora or RDS Proxy endpoint), without port or scheme. */
const hostName = z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'expected a host name');

const imageNames = lambdaImages.map((image) => image.imageName) as [string, ...string[]];

export const platformConfigSchema = z
  .strictObject({
    /** Prefix of every physical name: `<project>-<env>-…`. */
    project: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/),
    account: z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id'),
    region: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'expected an AWS region'),
    /** The ECR repository holding every image; tags are `<name>-<image>-<git-sha>`. */
    repository: z.strictObject({
      name: z.string().regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/),
      maxImageCount: z.number().int().min(1).max(10000),
    }),
    vpc: z.strictObject({
      vpcId: awsId('vpc'),
      availabilityZones: z.array(z.string().regex(/^[a-z]{2}-[a-z-]+-\d[a-z]$/)).min(1),
      privateSubnetIds: z.array(awsId('subnet')).min(1),
      securityGroupIds: z.array(awsId('sg')).min(1),
      /**
       * Whether the private subnets route to the internet through a NAT gateway: the VPC
       * Lambdas need it for Secrets Manager (unless `secretsManagerEndpoint`) and external APIs.
       */
      natGateway: z.boolean(),
      /**
       * Creates a Secrets Manager interface endpoint (private DNS) in the private subnets. Off
       * when the VPC already has one: a second endpoint with private DNS cannot be created.
       */
      secretsManagerEndpoint: z.boolean().default(false),
    }),
    /**
     * The resources database's endpoints when they differ from the secret's `host`. `writerHost`:
     * an RDS Proxy endpoint in front of the writer (pooling for Lambda concurrency; the proxy
     * reads the same secret). `readerHost`: a reader (Aurora reader or proxy read-only endpoint)
     * that GET requests read from, with the same credentials.
     */
    database: z
      .strictObject({ writerHost: hostName.optional(), readerHost: hostName.optional() })
      .default({}),
    /**
     * One name per secret of the registry's `platformSecrets`. `apiKeys` is the key map's secret,
     * or with `apiKeyShards` the prefix of its `<name>/shard-NNN` secrets.
     */
    secrets: z.strictObject(
      Object.fromEntries(platformSecrets.map((secret) => [secret, secretName])) as Record<
        PlatformSecret,
        typeof secretName
      >,
    ),
    /** Number of secrets the key map is split across (`tools/keys shard`); absent: one secret. */
    apiKeyShards: z.number().int().min(1).max(256).optional(),
    analytics: z.strictObject({
      apiUrl: z.url({ protocol: /^https$/ }),
    }),
    lambdas: z.record(z.enum(imageNames), lambdaSettings),
    architecture: z.enum(['arm64', 'x86_64']),
    domain: z.strictObject({
      domainName: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/),
      hostedZoneId: z.string().regex(/^Z[A-Z0-9]{4,32}$/, 'expected a Route53 hosted zone id'),
      hostedZoneName: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/),
      /** ACM certificate in the stack's own region (the API is REGIONAL). */
      certificateArn: z
        .string()
        .regex(
          /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
          'expected an ACM certificate ARN',
        ),
    }),
    api: z.strictObject({
      stageName: z.string().regex(/^[A-Za-z0-9_]{1,128}$/),
      /** The whole stage's limit. */
      throttle,
      /**
       * API Gateway usage plans (tiers) by name, each API key's throttle and quota: below the
       * stage's throttle, so one client cannot take it all. A key is in the first of its key-map
       * plans named here, else in `default`, which every deployment has.
       */
      usagePlans: z
        .record(usagePlanName, usagePlan)
        .refine((plans) => Object.hasOwn(plans, 'default'), {
          message: 'must define the "default" usage plan',
        }),
      /**
       * What the authorizer counts usage under: one API key per client key (`per-key`; API
       * Gateway holds at most 10,000 per account and region) or one per usage plan (`per-plan`).
       */
      usageIdentifiers: z.enum(['per-key', 'per-plan']).default('per-key'),
      /** A regional WAF web ACL in front of the stage, blocking an IP above this many requests per 5 minutes. */
      waf: z
        .strictObject({ rateLimitPerIp: z.number().int().min(10).max(2_000_000_000) })
        .optional(),
    }),
    logRetentionDays: z.number().refine((days) => retentionDays.has(days), {
      message: 'expected a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, 60, 90, …)',
    }),
    alarms: z.strictObject({
      periodMinutes: z.number().int().min(1).max(1440),
      evaluationPeriods: z.number().int().min(1),
      datapointsToAlarm: z.number().int().min(1),
      /** A period with fewer requests counts as 0 % errors: one 404 out of one request pages no one. */
      minimumRequests: z.number().int().min(1),
      /** Share of requests answered 4XX (0..1]. Includes the authorizer's 401/403. */
      clientErrorRateThreshold: rate,
      /** Share of requests answered 5XX (0..1]. */
      serverErrorRateThreshold: rate,
      slack: z.strictObject({
        workspaceId: z.string().regex(/^[A-Z0-9]{9,11}$/, 'expected a Slack workspace id'),
        channelId: z.string().regex(/^[A-Z0-9]{9,11}$/, 'expected a Slack channel id'),
      }),
    }),
  })
  .superRefine((config, ctx) => {
    const { domain, alarms } = config;
    if (
      domain.domainName !== domain.hostedZoneName &&
      !domain.domainName.endsWith(`.${domain.hostedZoneName}`)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['domain', 'domainName'],
        message: `must be inside the hosted zone ${domain.hostedZoneName}`,
      });
    }
    const [, , , certRegion, certAccount] = domain.certificateArn.split(':');
    if (certRegion !== config.region || certAccount !== config.account) {
      ctx.addIssue({
        code: 'custom',
        path: ['domain', 'certificateArn'],
        message: `must be in the config's account and region (${config.account}, ${config.region}): the API is REGIONAL`,
      });
    }
    const stage = config.api.throttle;
    for (const [name, { throttle: key }] of Object.entries(config.api.usagePlans)) {
      if (key.rateLimit >= stage.rateLimit || key.burstLimit >= stage.burstLimit) {
        ctx.addIssue({
          code: 'custom',
          path: ['api', 'usagePlans', name, 'throttle'],
          message: `must be below the stage's throttle (rate ${stage.rateLimit}, burst ${stage.burstLimit}): one key must not take the whole stage`,
        });
      }
    }
    if (alarms.datapointsToAlarm > alarms.evaluationPeriods) {
      ctx.addIssue({
        code: 'custom',
        path: ['alarms', 'datapointsToAlarm'],
        message: 'must not exceed evaluationPeriods',
      });
    }
  });

export type PlatformConfig = z.output<typeof platformConfigSchema>;
export type PlatformConfigInput = z.input<typeof platformConfigSchema>;
export type LambdaSettings = z.output<typeof lambdaSettings>;
