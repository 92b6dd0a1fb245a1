// `@tollgate/domain-resources/route-table`: the route table as the API's documentation reads it
// (paths, versions, schemas, declared responses), without a database behind it.
import type { RouteDefinition, RouterLogger } from '@tollgate/router';
import { resourceRoutes } from './http/resource-routes.js';
import type { ResourceStore } from './resources/resource-store.js';

function notServing(): never {
  throw new Error('this route table documents the API; it serves no request');
}

const store: ResourceStore = { findById: notServing, listPage: notServing };
const logger: RouterLogger = { error: notServing };

/** Every route of the domain; their handlers must not be called. */
export function routeTable(): RouteDefinition[] {
  return resourceRoutes({ store, logger });
}
