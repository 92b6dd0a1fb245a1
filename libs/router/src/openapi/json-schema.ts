import type { StandardSchemaV1 } from '../standard-schema.js';
import { OpenApiError } from './openapi-error.js';

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * Turns a route's Standard Schema into JSON Schema: `input` for what a client sends (params,
 * query, body), `output` for what it receives. zod's: `(schema, io) => z.toJSONSchema(schema, { io })`.
 */
export type JsonSchemaConverter = (schema: StandardSchemaV1, io: 'input' | 'output') => JsonSchema;

interface StandardJsonSchemaProps {
  readonly jsonSchema?: {
    readonly input: (options: { readonly target: string }) => Record<string, unknown>;
    readonly output: (options: { readonly target: string }) => Record<string, unknown>;
  };
}

/** Schemas implementing Standard JSON Schema (`~standard.jsonSchema`) convert themselves. */
export const standardJsonSchema: JsonSchemaConverter = (schema, io) => {
  const converter = (schema['~standard'] as StandardJsonSchemaProps).jsonSchema;
  if (converter === undefined) {
    throw new OpenApiError(
      'unconvertible-schema',
      `a ${schema['~standard'].vendor} schema has no ~standard.jsonSchema: pass a jsonSchema converter`,
    );
  }
  return converter[io]({ target: 'draft-2020-12' });
};

/** A converter's output, ready to embed in a document: no `$schema`, no local `$defs`. */
export function embeddable(schema: JsonSchema, where: string): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  if ('$defs' in rest) {
    // A `#/$defs/...` reference would point at the document's root once embedded.
    throw new OpenApiError('unconvertible-schema', `${where}: schemas with $defs are not supported`);
  }
  return rest;
}
