// What the Lambda needs: routes, the store behind them, configuration. Development and test
// tooling (embedded server, scratch databases, migrations, demo data) is in `./dev`.
export {
  resourceRoutes,
  resourceApiVersions,
  V20241201_SUNSET,
  type ResourceRoutesDeps,
} from './http/resource-routes.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from '@tollgate/postgres-kit';
export type {
  ResourceV20241201,
  ResourceListV20241201,
  ResourceV20250301,
  ResourceListV20250301,
} from './http/representations.js';
export type {
  CompanyId,
  ListPosition,
  Resource,
  ResourcePage,
  ResourceStore,
} from './resources/resource-store.js';
export { ResourceNotFoundError } from './resources/resource-errors.js';
export { createLazyResourceStore, type LazyResourceStore } from './db/lazy-resource-store.js';
