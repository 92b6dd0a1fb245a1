import { join } from 'node:path';
import {
  analyticsStandInToken,
  demoReports,
  startAnalyticsStandIn,
} from '@tollgate/domain-analytics/dev';
import { authorizerImage, domains, lambdaImages } from '@tollgate/domain-registry';
import { demoCompanies, demoResourceIds } from '@tollgate/domain-resources/dev';
import { type CurlExample, demoExamples } from './curl-examples.js';
import { redactDatabaseUrl } from './database-url-redaction.js';
import { prepareDatabase } from './database.js';
import { localDomains } from './local-domains.js';
import { createGateway } from './gateway/gateway.js';
import { bundleHandlerSource } from './gateway/handler-source.js';
import { startGatewayServer } from './gateway/http-server.js';
import { type KeySummary, summarizeKeyMap } from './key-map-summary.js';
import { localLambdaEnvironment } from './local-lambda-environment.js';
import { loadOpenApiFiles } from './openapi/openapi-files.js';
import { openApiRoute } from './openapi/openapi-route.js';
import type { LocalConfig } from './local-config.js';
import { gatewayLimits } from './throttling/gateway-limits.js';
import { keyUsagePlans } from './throttling/key-usage-plans.js';
import { UsageLimiter } from './throttling/usage-limiter.js';

export interface LocalApiOptions {
  readonly workspaceRoot: string;
  readonly config: LocalConfig;
  /** Start-up notices and request log lines. */
  readonly log: (line: string) => void;
  /** The environment the Lambda bundles read their configuration from (process.env). */
  readonly lambdaEnv: Record<string, string | undefined>;
  /** API Gateway's 29 s by default. */
  readonly integrationTimeoutMs?: number;
}

export interface LocalApi {
  readonly url: string;
  readonly databaseDescription: string;
  readonly analyticsUrl: string;
  readonly apiKeysFile: string;
  /** The demo keys and their grants; undefined with an `API_KEYS_FILE`, whose keys stay unprinted. */
  readonly demoKeys: readonly KeySummary[] | undefined;
  readonly examples: readonly CurlExample[];
  /** Stops the server, the analytics stand-in and the embedded database. */
  close(): Promise<void>;
}

export const demoKeysFile = (workspaceRoot: string) =>
  join(workspaceRoot, 'apps/local-api/demo-keys.json');

/**
 * The whole API on one machine: database (migrated, seeded), the external data API stand-in,
 * the built Lambda bundles configured through their environment variables, and the gateway.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const { config, lambdaEnv, workspaceRoot } = options;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    if (config.databaseUrl) {
      // Said before it happens: the demo seed writes into a database the user owns.
      options.log(
        `local-api: DATABASE_URL is set: migrating ${redactDatabaseUrl(config.databaseUrl)} and upserting the demo rows (companies ${demoCompanies.acme} and ${demoCompanies.globex}, fixed ids) into it`,
      );
    }
    // Both at once: the embedded database's start dominates the start-up time.
    const [databaseStart, standInStart] = await Promise.allSettled([
      prepareDatabase(config.databaseUrl),
      startAnalyticsStandIn({ token: analyticsStandInToken }),
    ]);
    if (databaseStart.status === 'fulfilled') stops.push(() => databaseStart.value.stop());
    if (standInStart.status === 'fulfilled') stops.push(() => standInStart.value.close());
    if (databaseStart.status === 'rejected') throw databaseStart.reason;
    if (standInStart.status === 'rejected') throw standInStart.reason;
    const database = databaseStart.value;
    const standIn = standInStart.value;

    const apiKeysFile = config.apiKeysFile ?? demoKeysFile(workspaceRoot);
    // The Lambdas share this process: each contract's local variables are set, and the
    // AWS-only ones removed, or a bundle would try to reach Secrets Manager.
    const { usageIdentifiers } = config.limits;
    const environment = localLambdaEnvironment(lambdaImages, {
      databaseUrl: database.url,
      apiKeysFile,
      analyticsApiUrl: standIn.url,
      analyticsApiToken: analyticsStandInToken,
      usageIdentifiers: usageIdentifiers.mode,
      usagePlans: Object.keys(config.limits.usagePlans).join(','),
      usageIdentifierNamespace: config.limits.namespace,
    });
    Object.assign(lambdaEnv, environment.set);
    for (const name of environment.unset) delete lambdaEnv[name];
    // Development: every answer is checked against its route's declared responses.
    lambdaEnv['VALIDATE_RESPONSES'] = 'true';

    const handlers = bundleHandlerSource(join(workspaceRoot, 'dist/apps'));
    // Load every bundle now: a missing bundle or a bad configuration stops the start with its
    // own one-line message instead of failing the first request.
    for (const { lambdaApp } of lambdaImages) handlers.handlerFor(lambdaApp);

    const gateway = createGateway({
      registry: domains,
      authorizer: authorizerImage,
      handlers,
      integrationTimeoutMs: options.integrationTimeoutMs,
      publicRoutes: openApiRoute(loadOpenApiFiles(join(workspaceRoot, 'dist/openapi'))),
      // API Gateway's throttles and quotas, keyed as it keys them: by the authorizer's identifier.
      limits: gatewayLimits(
        new UsageLimiter({ stage: config.limits.stage, usagePlans: config.limits.usagePlans }),
        keyUsagePlans({ apiKeysFile, usageIdentifiers }),
      ),
    });
    const server = await startGatewayServer({ gateway, port: config.port, log: options.log });
    stops.push(() => server.close());

    const demoKeys = config.apiKeysFile ? undefined : summarizeKeyMap(apiKeysFile);
    return {
      url: server.url,
      databaseDescription: database.embedded
        ? `embedded PostgreSQL (PGlite) at ${database.url}, migrated, ${database.seededRows} demo rows`
        : `${redactDatabaseUrl(database.url)} (DATABASE_URL), migrated, ${database.seededRows} demo rows upserted into it`,
      analyticsUrl: standIn.url,
      apiKeysFile,
      demoKeys,
      examples: demoKeys ? examplesFor(demoKeys) : [],
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The banner's examples, with the demo keys of the seeded companies and real seeded ids. */
function examplesFor(keys: readonly KeySummary[]): CurlExample[] {
  const keyOf = (companyId: string) => {
    const key = keys.find((k) => k.companyId === companyId);
    if (!key) throw new Error(`the demo key map has no key for company ${companyId}`);
    return key.apiKey;
  };
  const report = demoReports.find((r) => r.companyId === demoCompanies.acme);
  const fullKey = keyOf(demoCompanies.acme);
  return [
    ...demoExamples({
      fullKey,
      listOnlyKey: keyOf(demoCompanies.globex),
      ownResourceId: demoResourceIds.acme,
      otherResourceId: demoResourceIds.globex,
      reportId: report?.reportId ?? 'daily-usage',
    }),
    ...localDomains.flatMap(({ demoRequests = [] }) =>
      demoRequests.map((request) => ({ ...request, apiKey: fullKey })),
    ),
  ];
}
