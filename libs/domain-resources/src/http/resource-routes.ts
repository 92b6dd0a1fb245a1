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
  resourceEnvelopeV20250301Schema,
  resourceListV20241201,
  resourceListV20241201Schema,
  resourceListV20250301,
  resourceListV20250301Schema,
  resourceV20241201,
  resourceV20241201Schema,
  resourceV20250301,
} from './representations.js';
import { listQuerySchema, resourceParamsSchema } from './request-schemas.js';

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

  // What `toProblem` answers besides the representations; the router documents its own 400s.
  const unavailable = {
    503: {
      description: 'the database is unavailable; retry after Retry-After seconds',
      problem: true,
    },
  } as const;
  const notFound = {
    404: { description: "no resource with this id in the caller's company", problem: true },
  } as const;
  const listSummary = "List the caller's company's resources, oldest first, a page at a time";
  const oneSummary = "Get one of the caller's company's resources";

  return [
    route({
      method: 'GET',
      path: '/resources',
      version: '2025-03-01',
      summary: listSummary,
      schemas: { query: listQuerySchema },
      responses: {
        200: { description: 'one page of resources', body: resourceListV20250301Schema },
        ...unavailable,
      },
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
      summary: listSummary,
      schemas: { query: listQuerySchema },
      responses: {
        200: { description: 'one page of resources', body: resourceListV20241201Schema },
        ...unavailable,
      },
      handler: (request) =>
        forCaller(request, async (companyId) =>
          resourceListV20241201(await listPage(companyId, request.query)),
        ),
    }),
    route({
      method: 'GET',
      path: '/resources/{id}',
      version: '2025-03-01',
      summary: oneSummary,
      schemas: { params: resourceParamsSchema },
      responses: {
        200: { description: 'the resource', body: resourceEnvelopeV20250301Schema },
        ...notFound,
        ...unavailable,
      },
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
      summary: oneSummary,
      schemas: { params: resourceParamsSchema },
      responses: {
        200: { description: 'the resource', body: resourceV20241201Schema },
        ...notFound,
        ...unavailable,
      },
      handler: (request) =>
        forCaller(request, async (companyId) =>
          resourceV20241201(await findOne(companyId, request.params.id)),
        ),
    }),
  ];
}
