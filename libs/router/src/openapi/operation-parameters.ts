import type { RouteDefinition } from '../route.js';
import { embeddable, type JsonSchema, type JsonSchemaConverter } from './json-schema.js';
import { OpenApiError, routeLabel } from './openapi-error.js';
import type { OpenApiParameter } from './openapi-types.js';

function objectProperties(schema: JsonSchema, at: string): [Record<string, JsonSchema>, Set<string>] {
  const properties = schema['properties'];
  if (schema['type'] !== 'object' || typeof properties !== 'object' || properties === null) {
    throw new OpenApiError('unconvertible-schema', `${at}: expected an object schema`);
  }
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  return [properties as Record<string, JsonSchema>, new Set(required)];
}

export function pathParameters(route: RouteDefinition, segments: readonly string[], convert: JsonSchemaConverter): OpenApiParameter[] {
  const names = segments.filter((segment) => segment.startsWith('{')).map((segment) => segment.slice(1, -1));
  const schema = route.schemas?.params;
  const [properties] =
    schema === undefined ? [{} as Record<string, JsonSchema>] : objectProperties(convert(schema, 'input'), `${routeLabel(route)} params`);
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: embeddable(properties[name] ?? { type: 'string' }, `${routeLabel(route)} params.${name}`),
  }));
}

export function queryParameters(route: RouteDefinition, convert: JsonSchemaConverter): OpenApiParameter[] {
  const schema = route.schemas?.query;
  if (schema === undefined) return [];
  const at = `${routeLabel(route)} query`;
  const [properties, required] = objectProperties(convert(schema, 'input'), at);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: embeddable(property, `${at}.${name}`),
  }));
}
