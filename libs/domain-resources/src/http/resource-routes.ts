import {
  apiVersions,
  type RouteDefinition,
  type RouteRequest,
  type RouteResponse,
  type RouterLogger,
} from '@tollgate/router';
import { listQuerySchema } from '@tollgate/postgres-kit';
import { callerCompanyId } from '@tollgate/runtime-kit';
import { ResourceNotFoundError } from '../resources/resource-errors.js';
import type { ListPosition, Resource, ResourceStore } from '../resources/resource-store.js';
import { toProblem } from './domain-problems.js';
import {
  resourceEnvelopeV20250301Schema,
  resourceListV20250301,
  resourceListV20250301Schema,
  resourceV20250301,
} from './representations.js';
import { listChanges, oneChanges } from './resource-version-changes.js';
import { resourceParamsSchema } from './request-schemas.js';

/** 2024-12-01 still works until this date; responses carry `Deprecation` and `Sunset`. */
export const V20241201_SUNSET = '2027-06-30';

/** The versions this domain serves, newest first: routes are written for the first. */
export const resourceApi = apiVersions([
  { version: '2025-03-01' },
  { version: '2024-12-01', deprecated: { sunset: V20241201_SUNSET } },
]);

/** The versions this domain serves, newest first. */
export const resourceApiVersions = resourceApi.versions;

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
    ...resourceApi.route({
      method: 'GET',
      path: '/resources',
      summary: listSummary,
      schemas: { query: listQuerySchema },
      responses: {
        200: { description: 'one page of resources', body: resourceListV20250301Schema },
        ...unavailable,
      },
      changes: [listChanges],
      handler: (request) =>
        forCaller(request, async (companyId) =>
          resourceListV20250301(await listPage(companyId, request.query), request.query.limit),
        ),
    }),
    ...resourceApi.route({
      method: 'GET',
      path: '/resources/{id}',
      summary: oneSummary,
      schemas: { params: resourceParamsSchema },
      responses: {
        200: { description: 'the resource', body: resourceEnvelopeV20250301Schema },
        ...notFound,
        ...unavailable,
      },
      changes: [oneChanges],
      handler: (request) =>
        forCaller(request, async (companyId) => ({
          data: resourceV20250301(await findOne(companyId, request.params.id)),
        })),
    }),
  ];
}
