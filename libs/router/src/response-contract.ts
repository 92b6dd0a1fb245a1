import type { ApiGatewayProxyResult } from './api-gateway-types.js';
import type { RouteDefinition } from './route.js';
import { RouteDefinitionError } from './route-definition-error.js';
import type { StandardSchemaV1Issue } from './standard-schema.js';
import { issuePath } from './validate-input.js';

const JSON_CONTENT_TYPE = /^application\/json\b/i;
const PROBLEM_CONTENT_TYPE = /^application\/problem\+json\b/i;

/** Validating responses needs every route to say what it answers. */
export function requireDeclaredResponses(definitions: readonly RouteDefinition[]): void {
  for (const definition of definitions) {
    if (definition.responses === undefined || Object.keys(definition.responses).length === 0) {
      throw new RouteDefinitionError(
        'missing-responses',
        `${definition.method} ${String(definition.path)} ${definition.version}: no responses declared`,
      );
    }
  }
}

/**
 * How a response a handler produced (or a problem it threw) breaks the route's declared
 * responses: an undeclared status, the wrong kind of body, or a body its schema rejects.
 * Checks what the client receives, i.e. the serialized body.
 */
export async function responseContractViolation(
  definition: RouteDefinition,
  result: ApiGatewayProxyResult,
): Promise<string | undefined> {
  const declared = definition.responses?.[result.statusCode];
  if (declared === undefined) return `status ${result.statusCode} is not declared`;
  const contentType = contentTypeOf(result.headers) ?? '';
  if (declared.problem === true) {
    return PROBLEM_CONTENT_TYPE.test(contentType)
      ? undefined
      : `status ${result.statusCode} is declared a problem, sent as ${contentType || 'no content-type'}`;
  }
  const schema = declared.body;
  if (schema === undefined) {
    return result.body === ''
      ? undefined
      : `status ${result.statusCode} is declared without a body`;
  }
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    return `status ${result.statusCode} is declared JSON, sent as ${contentType || 'no content-type'}`;
  }
  let body: unknown;
  try {
    body = JSON.parse(result.body);
  } catch {
    return `status ${result.statusCode} body is not JSON`;
  }
  let outcome = schema['~standard'].validate(body);
  if (outcome instanceof Promise) outcome = await outcome;
  if (outcome.issues === undefined) return undefined;
  return `status ${result.statusCode} body: ${outcome.issues.map(describeIssue).join('; ')}`;
}

function contentTypeOf(headers: ApiGatewayProxyResult['headers']): string | undefined {
  for (const name in headers) {
    if (name.toLowerCase() === 'content-type') return String(headers[name]);
  }
  return undefined;
}

function describeIssue(issue: StandardSchemaV1Issue): string {
  const path = issuePath(issue);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
