import {
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
  type GatewayProblem,
} from '@tollgate/domain-registry';
import type { RouteDefinition } from '@tollgate/router';
import {
  openApiDocuments,
  type DocumentedProblem,
  type JsonSchemaConverter,
  type OpenApiDocument,
  type OpenApiServer,
} from '@tollgate/router/openapi';
import * as z from 'zod/mini';

const exampleRequestId = 'c0ffee00-0000-4000-8000-000000000000';

/** The domains' schemas are zod's; `io` picks what a client sends or what it receives. */
export const zodJsonSchema: JsonSchemaConverter = (schema, io) =>
  z.toJSONSchema(schema as z.ZodMiniType, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;

const documented = (problem: GatewayProblem): DocumentedProblem => ({
  status: problem.status,
  example: gatewayProblemBody(problem, exampleRequestId),
});

// API Gateway answers these whatever the operation; its not-found is for paths and methods no
// resource declares, i.e. requests that match no operation.
const { 'not-found': unmatched, ...anyOperation } = gatewayProblems;

/** Usage plan throttling and quotas: DEFAULT_4XX, whose bodies keep the status out. */
const throttled: DocumentedProblem = {
  status: 429,
  example: gatewayFallbackBody(
    gatewayFallbackProblems.clientError,
    exampleRequestId,
    'Too Many Requests',
  ),
};

export interface TollgateDocumentsOptions {
  readonly routes: readonly RouteDefinition[];
  readonly servers: readonly OpenApiServer[];
}

/** The platform's documents: every domain's routes behind the gateway's key check and problems. */
export function tollgateDocuments({
  routes,
  servers,
}: TollgateDocumentsOptions): Map<string, OpenApiDocument> {
  return openApiDocuments({
    routes,
    title: 'Tollgate API',
    description:
      'Every request names its API version (a date) in X-Api-Version and carries its key in X-Api-Key. ' +
      'Errors are RFC 9457 problem details (application/problem+json).',
    servers,
    apiKeyHeader: 'X-Api-Key',
    jsonSchema: zodJsonSchema,
    gatewayProblems: [...Object.values(anyOperation).map(documented), throttled],
    unmatchedProblems: [documented(unmatched)],
  });
}
