import type { ProblemDetails } from '../problem-error.js';
import type { RouteDefinition } from '../route.js';
import { routerProblems } from '../router-problems.js';
import { newestFirst } from '../version.js';
import { embeddable, type JsonSchema, type JsonSchemaConverter } from './json-schema.js';
import { OpenApiError, routeLabel } from './openapi-error.js';
import type { OpenApiHeader, OpenApiMediaType, OpenApiResponse } from './openapi-types.js';
import { PROBLEM_CONTENT_TYPE, problemSchemaRef } from './problem-schema.js';

/** A problem answered in front of (or by) the router, documented by an example body. */
export interface DocumentedProblem {
  readonly status: number;
  readonly example: { readonly type: string; readonly title: string; readonly detail?: string };
}

export const VERSION_HEADER = 'X-Api-Version';

interface StatusEntry {
  readonly descriptions: string[];
  /** Known problem bodies, documented as examples. */
  readonly problems: DocumentedProblem[];
  json?: JsonSchema;
  problem: boolean;
  /** The router set its headers (version, deprecation): not a gateway-only answer. */
  fromRouter: boolean;
}

/**
 * An operation's responses by status: what the route declares, merged with the router's
 * problems and the gateway's, each problem type an example of its status.
 */
export function responsesFor(
  route: RouteDefinition,
  routes: readonly RouteDefinition[],
  gatewayProblems: readonly DocumentedProblem[],
  convert: JsonSchemaConverter,
): Record<string, OpenApiResponse> {
  const declared = route.responses;
  if (declared === undefined || Object.keys(declared).length === 0) {
    throw new OpenApiError('undocumented-route', `${routeLabel(route)}: no responses declared`);
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
      target.json = embeddable(convert(declaration.body, 'output'), `${routeLabel(route)} response ${status}`);
    }
  }
  for (const problem of routerProblemsFor(route, routes)) {
    const target = entry(problem.status);
    target.fromRouter = true;
    target.problem = true;
    target.problems.push(problem);
  }
  for (const problem of gatewayProblems) {
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
export function unmatchedResponses(problems: readonly DocumentedProblem[]): Record<string, OpenApiResponse> {
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
