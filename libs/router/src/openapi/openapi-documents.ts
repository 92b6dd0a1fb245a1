import { compileRoutes } from '../compile-routes.js';
import type { RouteDefinition } from '../route.js';
import { newestFirst } from '../version.js';
import { embeddable, standardJsonSchema, type JsonSchemaConverter } from './json-schema.js';
import { OpenApiError, routeLabel } from './openapi-error.js';
import { pathParameters, queryParameters } from './operation-parameters.js';
import { responsesFor, unmatchedResponses, VERSION_HEADER, type DocumentedProblem } from './operation-responses.js';
import type { OpenApiDocument, OpenApiOperation, OpenApiServer } from './openapi-types.js';
import { problemSchemas } from './problem-schema.js';

export type { DocumentedProblem } from './operation-responses.js';

export interface OpenApiOptions {
  /** Every route of the API, across every service behind it. */
  readonly routes: readonly RouteDefinition[];
  readonly title: string;
  readonly description?: string;
  readonly servers?: readonly OpenApiServer[];
  /** The header carrying the API key, documented as an `apiKey` security scheme. */
  readonly apiKeyHeader?: string;
  /** Problems answered in front of the router to any operation (an API gateway's, throttling). */
  readonly gatewayProblems?: readonly DocumentedProblem[];
  /** Problems answered in front of the router to requests that match no operation. */
  readonly unmatchedProblems?: readonly DocumentedProblem[];
  /** Default: the schemas' own Standard JSON Schema converter. */
  readonly jsonSchema?: JsonSchemaConverter;
}

const API_KEY_SCHEME = 'apiKey';

/**
 * One OpenAPI 3.1 document per API version (newest first): the routes serving exactly that
 * version, each with its parameters, its declared responses and the problems the router and
 * the gateway answer with.
 *
 * @throws OpenApiError for a route without declared responses, a RegExp path or a schema that
 * cannot be converted; RouteDefinitionError for a table the router itself would refuse.
 */
export function openApiDocuments(options: OpenApiOptions): Map<string, OpenApiDocument> {
  compileRoutes(options.routes);
  const documents = new Map<string, OpenApiDocument>();
  for (const version of newestFirst(new Set(options.routes.map((route) => route.version)))) {
    documents.set(version, openApiDocument(options, version));
  }
  return documents;
}

function openApiDocument(options: OpenApiOptions, version: string): OpenApiDocument {
  const convert = options.jsonSchema ?? standardJsonSchema;
  const routes = options.routes.filter((route) => route.version === version);
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const path = templateOf(route);
    const operation = operationFor(route, options, convert);
    if (operationIds.has(operation.operationId)) {
      throw new OpenApiError('duplicate-operation-id', `${version}: two operations named ${operation.operationId}`);
    }
    operationIds.add(operation.operationId);
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  const sunsets = routes.map((route) => route.deprecated?.sunset);
  const retired = sunsets.every((sunset) => sunset !== undefined);
  const sunset = retired ? [...(sunsets as string[])].sort()[0] : undefined;
  const description = [
    options.description,
    sunset === undefined ? undefined : `This version is deprecated: it is served until ${sunset}.`,
  ].filter((line) => line !== undefined);
  return {
    openapi: '3.1.1',
    info: {
      title: options.title,
      version,
      ...(description.length > 0 && { description: description.join('\n\n') }),
      ...(sunset !== undefined && { 'x-deprecated': true, 'x-sunset': sunset }),
    },
    ...(options.servers !== undefined && { servers: options.servers }),
    ...(options.apiKeyHeader !== undefined && { security: [{ [API_KEY_SCHEME]: [] }] }),
    tags: [...new Set(Object.values(paths).flatMap((methods) => Object.values(methods).flatMap((op) => op.tags)))]
      .sort()
      .map((name) => ({ name })),
    paths,
    components: {
      schemas: problemSchemas,
      parameters: {
        ApiVersion: {
          name: VERSION_HEADER,
          in: 'header',
          required: true,
          description: 'The API version (a date) the request is written for.',
          schema: { type: 'string', const: version },
        },
      },
      responses: unmatchedResponses(options.unmatchedProblems ?? []),
      ...(options.apiKeyHeader !== undefined && {
        securitySchemes: { [API_KEY_SCHEME]: { type: 'apiKey', in: 'header', name: options.apiKeyHeader } },
      }),
    },
  };
}

function templateOf(route: RouteDefinition): string {
  if (typeof route.path !== 'string') {
    throw new OpenApiError('regexp-route', `${route.method} ${String(route.path)}: a RegExp path cannot be documented`);
  }
  return route.path;
}

function operationFor(route: RouteDefinition, options: OpenApiOptions, convert: JsonSchemaConverter): OpenApiOperation {
  const path = templateOf(route);
  const segments = path.split('/').filter((segment) => segment !== '');
  const sunset = route.deprecated?.sunset;
  const body = route.schemas?.body;
  return {
    operationId: operationId(route.method, segments),
    ...(route.summary !== undefined && { summary: route.summary }),
    tags: segments.length > 0 && !segments[0]?.startsWith('{') ? [segments[0] as string] : [],
    ...(sunset !== undefined && {
      deprecated: true,
      'x-sunset': sunset,
      description: `Deprecated: this version of the operation is served until ${sunset}.`,
    }),
    ...(route.changes !== undefined && { 'x-changes': route.changes }),
    parameters: [
      { $ref: '#/components/parameters/ApiVersion' },
      ...pathParameters(route, segments, convert),
      ...queryParameters(route, convert),
    ],
    ...(body !== undefined && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: embeddable(convert(body, 'input'), `${routeLabel(route)} body`) } },
      },
    }),
    responses: responsesFor(route, options.routes, options.gatewayProblems ?? [], convert),
  };
}

/** `GET /resources/{id}` → `getResourcesById`. */
function operationId(method: string, segments: readonly string[]): string {
  const words = segments.map((segment) =>
    segment.startsWith('{') ? `By${capitalize(segment.slice(1, -1))}` : capitalize(segment),
  );
  return method.toLowerCase() + words.join('').replace(/[^A-Za-z0-9]/g, '');
}

function capitalize(word: string): string {
  return word.replace(/(^|[-_.])([a-z])/g, (_, _sep: string, letter: string) => letter.toUpperCase());
}
