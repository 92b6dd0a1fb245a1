import { compileRoutes } from '../compile-routes.js';
import type { ProblemDetails } from '../problem-error.js';
import type { RouteDefinition } from '../route.js';
import { routerProblems } from '../router-problems.js';
import { newestFirst } from '../version.js';
import { embeddable, standardJsonSchema, type JsonSchema, type JsonSchemaConverter } from './json-schema.js';
import { OpenApiError } from './openapi-error.js';
import type {
  OpenApiDocument,
  OpenApiHeader,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
  OpenApiServer,
} from './openapi-types.js';
import { PROBLEM_CONTENT_TYPE, problemSchemaRef, problemSchemas } from './problem-schema.js';

/** A problem answered in front of (or by) the router, documented by an example body. */
export interface DocumentedProblem {
  readonly status: number;
  readonly example: { readonly type: string; readonly title: string; readonly detail?: string };
}

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
const VERSION_HEADER = 'X-Api-Version';

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
      throw new OpenApiError('undocumented-route', `${version}: two operations named ${operation.operationId}`);
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

function where(route: RouteDefinition): string {
  return `${route.method} ${String(route.path)} ${route.version}`;
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
    parameters: [
      { $ref: '#/components/parameters/ApiVersion' },
      ...pathParameters(route, segments, convert),
      ...queryParameters(route, convert),
    ],
    ...(body !== undefined && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: embeddable(convert(body, 'input'), `${where(route)} body`) } },
      },
    }),
    responses: responsesFor(route, options, convert),
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

function objectProperties(schema: JsonSchema, at: string): [Record<string, JsonSchema>, Set<string>] {
  const properties = schema['properties'];
  if (schema['type'] !== 'object' || typeof properties !== 'object' || properties === null) {
    throw new OpenApiError('unconvertible-schema', `${at}: expected an object schema`);
  }
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  return [properties as Record<string, JsonSchema>, new Set(required)];
}

function pathParameters(route: RouteDefinition, segments: readonly string[], convert: JsonSchemaConverter): OpenApiParameter[] {
  const names = segments.filter((segment) => segment.startsWith('{')).map((segment) => segment.slice(1, -1));
  const schema = route.schemas?.params;
  const [properties] =
    schema === undefined ? [{} as Record<string, JsonSchema>] : objectProperties(convert(schema, 'input'), `${where(route)} params`);
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: embeddable(properties[name] ?? { type: 'string' }, `${where(route)} params.${name}`),
  }));
}

function queryParameters(route: RouteDefinition, convert: JsonSchemaConverter): OpenApiParameter[] {
  const schema = route.schemas?.query;
  if (schema === undefined) return [];
  const at = `${where(route)} query`;
  const [properties, required] = objectProperties(convert(schema, 'input'), at);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: embeddable(property, `${at}.${name}`),
  }));
}

interface StatusEntry {
  readonly descriptions: string[];
  /** Known problem bodies, documented as examples. */
  readonly problems: DocumentedProblem[];
  json?: JsonSchema;
  problem: boolean;
  /** The router set its headers (version, deprecation): not a gateway-only answer. */
  fromRouter: boolean;
}

function responsesFor(route: RouteDefinition, options: OpenApiOptions, convert: JsonSchemaConverter): Record<string, OpenApiResponse> {
  const declared = route.responses;
  if (declared === undefined || Object.keys(declared).length === 0) {
    throw new OpenApiError('undocumented-route', `${where(route)}: no responses declared`);
  }
  const statuses = new Map<number, StatusEntry>();
  const entry = (status: number) => {
    let found = statuses.get(status);
    if (found === undefined) {
      found = { descriptions: [], problems: [], problem: false, fromRouter: false };
      statuses.set(status, found);
    }
    return found;
  };
  for (const [status, declaration] of Object.entries(declared)) {
    const target = entry(Number(status));
    target.fromRouter = true;
    target.descriptions.push(declaration.description);
    if (declaration.problem === true) target.problem = true;
    else if (declaration.body !== undefined) {
      target.json = embeddable(convert(declaration.body, 'output'), `${where(route)} response ${status}`);
    }
  }
  for (const problem of routerProblemsFor(route, options.routes)) {
    const target = entry(problem.status);
    target.fromRouter = true;
    target.problem = true;
    target.problems.push(problem);
  }
  for (const problem of options.gatewayProblems ?? []) {
    const target = entry(problem.status);
    target.problem = true;
    target.problems.push(problem);
  }

  const headers = responseHeaders(route);
  const responses: Record<string, OpenApiResponse> = {};
  for (const status of [...statuses.keys()].sort((a, b) => a - b)) {
    const { descriptions, problems, json, problem, fromRouter } = statuses.get(status) as StatusEntry;
    const content: Record<string, OpenApiMediaType> = {};
    if (json !== undefined) content['application/json'] = { schema: json };
    if (problem) content[PROBLEM_CONTENT_TYPE] = problemMedia(problems);
    responses[String(status)] = {
      description: [...descriptions, ...problems.map(describeProblem)].join('; '),
      ...(fromRouter && { headers }),
      ...(Object.keys(content).length > 0 && { content }),
    };
  }
  return responses;
}

/** What the router itself may answer once a request reached this route's path. */
function routerProblemsFor(route: RouteDefinition, routes: readonly RouteDefinition[]): DocumentedProblem[] {
  const versions = routes
    .filter((other) => other.method === route.method && String(other.path) === String(route.path))
    .map((other) => other.version);
  const problems: ProblemDetails[] = [
    routerProblems.missingVersion(),
    routerProblems.invalidVersion('yesterday'),
    routerProblems.unsupportedVersion(newestFirst(versions)),
    // Schema or not: a request body that is not JSON is one.
    routerProblems.validationFailed([{ location: 'body', path: '', message: 'body is not valid JSON' }]),
    routerProblems.internalError('c0ffee00-0000-4000-8000-000000000000'),
  ];
  return problems.map((example) => ({ status: example.status, example }));
}

function responseHeaders(route: RouteDefinition): Record<string, OpenApiHeader> {
  const string = { type: 'string' };
  return {
    [VERSION_HEADER]: { description: 'The API version that served the request.', schema: string },
    ...(route.deprecated !== undefined && {
      Deprecation: { description: 'When this version was deprecated (RFC 9745), `@<unix seconds>`.', schema: string },
      Sunset: { description: `When this version is gone (RFC 8594): ${route.deprecated.sunset}.`, schema: string },
    }),
  };
}

function slugOf(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

function describeProblem({ example }: DocumentedProblem): string {
  return `${slugOf(example.type)}: ${example.detail ?? example.title}`;
}

function problemMedia(problems: readonly DocumentedProblem[]): OpenApiMediaType {
  const examples: Record<string, { summary: string; value: unknown }> = {};
  for (const { example } of problems) {
    let key = slugOf(example.type);
    for (let n = 2; key in examples; n++) key = `${slugOf(example.type)}-${n}`;
    examples[key] = { summary: example.title, value: example };
  }
  return { schema: problemSchemaRef, ...(problems.length > 0 && { examples }) };
}

/** Router 404/405 and the given problems, one named response per status. */
function unmatchedResponses(problems: readonly DocumentedProblem[]): Record<string, OpenApiResponse> {
  const all: DocumentedProblem[] = [
    { status: 404, example: routerProblems.notFound('/unknown') },
    { status: 405, example: routerProblems.methodNotAllowed('POST', 'GET') },
    ...problems,
  ];
  const responses: Record<string, OpenApiResponse> = {};
  for (const status of [...new Set(all.map((problem) => problem.status))].sort((a, b) => a - b)) {
    const group = all.filter((problem) => problem.status === status);
    const name = (group[0]?.example.title ?? `Status${status}`).replace(/[^A-Za-z0-9]/g, '');
    responses[name] = {
      description: group.map(describeProblem).join('; '),
      'x-status': status,
      content: { [PROBLEM_CONTENT_TYPE]: problemMedia(group) },
    };
  }
  return responses;
}
