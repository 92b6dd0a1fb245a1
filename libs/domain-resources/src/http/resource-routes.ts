import {
  route,
  type RouteDefinition,
  type RouteRequest,
  type RouteResponse,
  type RouterLogger,
} from '@tollgate/router';
import { callerCompanyId } from '@tollgate/runtime-kit';
import { ResourceNotFoundError } from '../resources/resource-errors.js';
import type { ListPosition, Resource, ResourceStore } from '../resources/resource-store.js';
import { toProblem } from './domain-problems.js';
import {
  resourceListV20241201,
  resourceListV20250301,
  resourceV20241201,
  resourceV20250301,
} from './representations.js';
import { listQuerySchema } from '@tollgate/postgres-kit';
import { resourceParamsSchema } from './request-schemas.js';

/** The versions this domain serves, newest first. */
export const resourceApiVersions = ['2025-03-01', '2024-12-01'] as const;

/** 2024-12-01 still works until this date; responses carry `Deprecation` and `Sunset`. */
export const V20241201_SUNSET = '2027-06-30';

export interface ResourceRoutesDeps {
  store: ResourceStore;
  /** Receives "database unavailable" reports (reason and request id only). */
  logger: RouterLogger;
}

/** `GET /resources` and `GET /resources/{id}` in every supported version, for an `ApiRouter`. */
export function resourceRoutes({ store, logger }: ResourceRoutesDeps): RouteDefinition[] {
  // Serves one request for the caller's company, mapping domain errors to problems.
  const forCaller = async (
    request: RouteRequest<unknown, unknown>,
    serve: (companyId: string) => Promise<unknown>,
  ): Promise<RouteResponse> => {
    const companyId = callerCompanyId(request.event);
    try {
      return { status: 200, body: await serve(companyId) };
    } catch (error) {
      throw toProblem(error, request.requestId, logger);
    }
  };

  const findOne = async (companyId: string, id: string): Promise<Resource> => {
    const resource = await store.findById(companyId, id);
    if (!resource) throw new ResourceNotFoundError();
    return resource;
  };

  const listPage = (
    companyId: string,
    query: { limit: number; cursor?: ListPosition | undefined },
  ) =>
    store.listPage(companyId, { limit: query.limit, ...(query.cursor && { after: query.cursor }) });

  const v2024 = { deprecated: { sunset: V20241201_SUNSET } } as const;

  return [
    route({
      method: 'GET',
      path: '/resources',
      version: '2025-03-01',
      schemas: { query: listQuerySchema },
      handler: (request) =>
        forCaller(request, async (companyId) =>
          resourceListV20250301(await listPage(companyId, request.query), request.query.limit),
        ),
    }),
    route({
      method: 'GET',
      path: '/resources',
      version: '2024-12-01',
      ...v2024,
      schemas: { query: listQuerySchema },
      handler: (request) =>
        forCaller(request, async (companyId) =>
          resourceListV20241201(await listPage(companyId, request.query)),
        ),
    }),
    route({
      method: 'GET',
      path: '/resources/{id}',
      version: '2025-03-01',
      schemas: { params: resourceParamsSchema },
      handler: (request) =>
        forCaller(request, async (companyId) => ({
          data: resourceV20250301(await findOne(companyId, request.params.id)),
        })),
    }),
    route({
      method: 'GET',
      path: '/resources/{id}',
      version: '2024-12-01',
      ...v2024,
      schemas: { params: resourceParamsSchema },
      handler: (request) =>
        forCaller(request, async (companyId) =>
          resourceV20241201(await findOne(companyId, request.params.id)),
        ),
    }),
  ];
}
