import type { InputIssue } from './read-input.js';
import type { RouteSchemas } from './route.js';
import type { StandardSchemaV1, StandardSchemaV1Issue } from './standard-schema.js';

export interface RouteInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

type Location = InputIssue['location'];
const LOCATIONS: readonly Location[] = ['params', 'query', 'body'];

/**
 * Runs every declared schema (sync or async) and replaces each input by the schema's output.
 * Returns every failing field of every location at once, so a client can fix them in one go.
 */
export async function validateInput(schemas: RouteSchemas, input: RouteInput): Promise<InputIssue[]> {
  const issues: InputIssue[] = [];
  for (const location of LOCATIONS) {
    const schema: StandardSchemaV1 | undefined = schemas[location];
    if (schema === undefined) continue;
    let result = schema['~standard'].validate(input[location]);
    if (result instanceof Promise) result = await result;
    if (result.issues === undefined) {
      input[location] = result.value;
    } else {
      for (const issue of result.issues) {
        issues.push({ location, path: issuePath(issue), message: issue.message });
      }
    }
  }
  return issues;
}

/** `items.0.name`; '' for the value itself. */
export function issuePath(issue: StandardSchemaV1Issue): string {
  if (issue.path === undefined) return '';
  return issue.path
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.');
}
