import { randomUUID } from 'node:crypto';
import type { ApiGatewayProxyEvent, ApiGatewayProxyResult, LambdaContext } from './api-gateway-types.js';
import { handlerResult, problemResult, type RouterHeaders } from './build-response.js';
import { compileRoutes } from './compile-routes.js';
import { matchRoute, type RouteMatch } from './match-route.js';
import { ProblemError } from './problem-error.js';
import { NO_BODY, readBody, readQuery } from './read-input.js';
import type { DispatchTrace, ResponseRecord } from './response-record.js';
import { requireDeclaredResponses, responseContractViolation } from './response-contract.js';
import { CONFLICTING_VALUES, findHeader, singleHeader } from './request-headers.js';
import type { QueryParams, RouteDefinition, RouteRequest } from './route.js';
import type { CompiledRoute, RouteTable } from './route-table.js';
import { consoleJsonLogger, type RouterLogger } from './router-logger.js';
import { routerProblems } from './router-problems.js';
import { validateInput, type RouteInput } from './validate-input.js';
import { isValidVersion } from './version.js';
import type { RawRouteInput } from './version-change.js';

export interface ApiRouterOptions {
  /** Receives handler failures (default: one JSON line on stderr). */
  readonly logger?: RouterLogger;
  /**
   * Development and tests: check every handler's answer against the route's declared
   * `responses` (status, kind of body, body schema); a violation is logged and answered with
   * a 500. Every route must then declare its responses. Off by default: production pays nothing.
   */
  readonly validateResponses?: boolean;
  /**
   * Called once per request with its route template, served version, status and duration (for
   * metrics and access logs). Unset, dispatch measures nothing.
   */
  readonly onResponse?: (record: ResponseRecord) => void;
}

const NO_ROUTER_HEADERS: RouterHeaders = { version: undefined, deprecation: null };

class IncomingRequest implements RouteRequest<unknown, unknown, unknown> {
  constructor(
    readonly event: ApiGatewayProxyEvent,
    readonly context: LambdaContext | undefined,
    readonly version: string,
    readonly requestId: string,
    readonly params: unknown,
    readonly query: unknown,
    readonly body: unknown,
  ) {}

  header(name: string): string | undefined {
    return findHeader(this.event, name.toLowerCase());
  }
}

/**
 * The version the caller's key or plan is pinned to: the authorizer passes it as `apiVersion` in
 * its context. Used only when the request sends no `X-Api-Version`.
 */
function pinnedVersion(event: ApiGatewayProxyEvent): string | undefined {
  const pinned = event.requestContext?.authorizer?.['apiVersion'];
  return typeof pinned === 'string' ? pinned : undefined;
}

function traceMatch(trace: DispatchTrace, match: RouteMatch, knownVersion: string | undefined): void {
  switch (match.kind) {
    case 'not-found':
      return;
    case 'method-not-allowed':
      trace.route = match.path.label;
      return;
    case 'unsupported-version':
      trace.route = String(match.methodEntry.routes[0]?.definition.path);
      return;
    case 'matched':
    case 'malformed-param':
      trace.route = String(match.route.definition.path);
      trace.version = knownVersion;
  }
}

/**
 * A versioned router for API Gateway REST proxy events. The table is compiled once; per request:
 * version (header, else the caller's pinned version) → path → method → version → input
 * validation → handler.
 */
export class ApiRouter {
  private readonly table: RouteTable;
  private readonly logger: RouterLogger;
  private readonly validateResponses: boolean;

  /** The Lambda entry point: `export const handler = router.handler`. */
  readonly handler: (event: ApiGatewayProxyEvent, context?: LambdaContext) => Promise<ApiGatewayProxyResult>;

  /** @throws RouteDefinitionError when the table has a bad or duplicate entry. */
  constructor(routes: readonly RouteDefinition[], options: ApiRouterOptions = {}) {
    this.table = compileRoutes(routes);
    this.logger = options.logger ?? consoleJsonLogger;
    this.validateResponses = options.validateResponses === true;
    if (this.validateResponses) requireDeclaredResponses(routes);
    const onResponse = options.onResponse;
    this.handler =
      onResponse === undefined
        ? (event, context) => this.route(event, context, null)
        : (event, context) => this.observed(event, context, onResponse);
  }

  dispatch(event: ApiGatewayProxyEvent, context?: LambdaContext): Promise<ApiGatewayProxyResult> {
    return this.route(event, context, null);
  }

  private async observed(
    event: ApiGatewayProxyEvent,
    context: LambdaContext | undefined,
    onResponse: (record: ResponseRecord) => void,
  ): Promise<ApiGatewayProxyResult> {
    const start = performance.now();
    const trace: DispatchTrace = { route: undefined, version: undefined };
    const result = await this.route(event, context, trace);
    onResponse({
      event,
      method: event.httpMethod,
      route: trace.route,
      version: trace.version,
      status: result.statusCode,
      durationMs: performance.now() - start,
      requestId: event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown',
    });
    return result;
  }

  private async route(
    event: ApiGatewayProxyEvent,
    context: LambdaContext | undefined,
    trace: DispatchTrace | null,
  ): Promise<ApiGatewayProxyResult> {
    const header = singleHeader(event, 'x-api-version');
    if (header === CONFLICTING_VALUES) {
      return problemResult(routerProblems.conflictingHeader('X-Api-Version'), NO_ROUTER_HEADERS);
    }
    const version = header || pinnedVersion(event);
    if (version === undefined || version === '') {
      return problemResult(routerProblems.missingVersion(), NO_ROUTER_HEADERS);
    }
    if (!this.table.knownVersions.has(version) && !isValidVersion(version)) {
      return problemResult(routerProblems.invalidVersion(version), NO_ROUTER_HEADERS);
    }
    const versionHeaders: RouterHeaders = { version, deprecation: null };
    const method = event.httpMethod;
    const match = matchRoute(this.table, method, event.path, version);
    if (trace !== null) traceMatch(trace, match, this.table.knownVersions.has(version) ? version : undefined);
    switch (match.kind) {
      case 'not-found':
        return problemResult(routerProblems.notFound(event.path), versionHeaders);
      case 'method-not-allowed':
        return problemResult(routerProblems.methodNotAllowed(method, match.path.allow), versionHeaders, {
          Allow: match.path.allow,
        });
      case 'unsupported-version':
        return problemResult(
          match.methodEntry.unsupportedVersion,
          versionHeaders,
          undefined,
          match.methodEntry.unsupportedVersionJson,
        );
      case 'malformed-param':
        return problemResult(
          routerProblems.validationFailed([
            { location: 'params', path: match.name, message: 'malformed percent-encoding' },
          ]),
          { version, deprecation: match.route.deprecationHeaders },
        );
      case 'matched':
        return this.serve(match.route, match.params, event, context, version);
    }
  }

  private async serve(
    route: CompiledRoute,
    params: Record<string, string>,
    event: ApiGatewayProxyEvent,
    context: LambdaContext | undefined,
    version: string,
  ): Promise<ApiGatewayProxyResult> {
    const routerHeaders: RouterHeaders = { version, deprecation: route.deprecationHeaders };
    // A route that declares no body never reads one: a GET's stray body costs nothing.
    const body = route.readsBody ? readBody(event) : NO_BODY;
    let input: RouteInput = { params, query: readQuery(event) as QueryParams, body: body.value };
    const upgradeRequest = route.definition.upgradeRequest;
    if (upgradeRequest !== undefined) input = { ...upgradeRequest(input as RawRouteInput) };
    const schemas = route.definition.schemas;
    const issues = schemas === undefined ? [] : await validateInput(schemas, input);
    if (body.issue !== undefined) issues.unshift(body.issue);
    if (issues.length > 0) return problemResult(routerProblems.validationFailed(issues), routerHeaders);

    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? randomUUID();
    const request = new IncomingRequest(event, context, version, requestId, input.params, input.query, input.body);
    let result: ApiGatewayProxyResult;
    try {
      result = handlerResult(await route.definition.handler(request as RouteRequest), routerHeaders);
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        return this.failed(route, requestId, version, routerHeaders, 'route handler failed', {
          // The error's name only: messages and stacks can carry SQL, secrets or upstream bodies.
          errorName: error instanceof Error ? error.name : typeof error,
        });
      }
      result = problemResult(error.problem, routerHeaders, error.headers);
    }
    if (this.validateResponses) {
      const violation = await responseContractViolation(route.definition, result);
      if (violation !== undefined) {
        return this.failed(route, requestId, version, routerHeaders, 'response breaks its declared contract', {
          violation,
        });
      }
    }
    return result;
  }

  /** Logs why a request failed and answers a 500 that reveals nothing. */
  private failed(
    route: CompiledRoute,
    requestId: string,
    version: string,
    routerHeaders: RouterHeaders,
    message: string,
    fields: Readonly<Record<string, unknown>>,
  ): ApiGatewayProxyResult {
    this.logger.error(message, {
      requestId,
      method: route.definition.method,
      route: String(route.definition.path),
      version,
      ...fields,
    });
    return problemResult(routerProblems.internalError(requestId), routerHeaders);
  }
}
