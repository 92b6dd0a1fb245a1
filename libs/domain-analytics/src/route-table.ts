// `@tollgate/domain-analytics/route-table`: the route table as the API's documentation reads it
// (paths, versions, schemas, declared responses), without an upstream behind it.
import type { RouteDefinition } from '@tollgate/router';
import type { AnalyticsClient } from './analytics-client.js';
import { analyticsRoutes } from './analytics-routes.js';

function notServing(): never {
  throw new Error('this route table documents the API; it serves no request');
}

const client: AnalyticsClient = { getReport: notServing };

/** Every route of the domain; their handlers must not be called. */
export function routeTable(): RouteDefinition[] {
  return analyticsRoutes({ client, logger: { warn: notServing } });
}
