import type { GrantSpec } from './grant-spec.js';
import { overlaps } from './path-overlap.js';

/** The parts of an OpenAPI 3.1 document this looks at; everything else is kept as it is. */
export interface OpenApiDocumentLike {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly [field: string]: unknown;
}

interface ParameterLike {
  readonly name?: unknown;
  readonly in?: unknown;
  readonly required?: unknown;
}

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export interface RestrictedDocument {
  readonly document: OpenApiDocumentLike;
  /** Operations kept, of all in the document. */
  readonly kept: number;
  readonly total: number;
}

/**
 * The document cut down to what a key with `grants` may call: an operation stays if a grant of
 * its method reaches its path, with only the query parameters those grants name; one with a
 * required query parameter no grant names goes (the authorizer would deny every call that sends it).
 * Path-level parameters and components are kept as they are.
 */
export function restrictOpenApiDocument(
  document: OpenApiDocumentLike,
  grants: readonly GrantSpec[],
): RestrictedDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  let kept = 0;
  let total = 0;
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const restricted: Record<string, unknown> = {};
    let operations = 0;
    for (const [field, value] of Object.entries(item)) {
      if (!OPERATIONS.has(field)) {
        restricted[field] = value;
        continue;
      }
      total++;
      const reaching = grants.filter(
        (grant) => grant.method === field.toUpperCase() && overlaps(grant.path, path),
      );
      const operation =
        reaching.length === 0
          ? undefined
          : withQueryNames(
              value,
              new Set(reaching.flatMap((grant) => grant.queryParameters ?? [])),
            );
      if (operation === undefined) continue;
      restricted[field] = operation;
      operations++;
    }
    kept += operations;
    if (operations > 0) paths[path] = restricted;
  }
  return { document: { ...document, paths }, kept, total };
}

/** The operation with only the granted query parameters; `undefined` if it requires one that is not. */
function withQueryNames(operation: unknown, granted: ReadonlySet<string>): unknown {
  if (typeof operation !== 'object' || operation === null) return operation;
  const { parameters } = operation as { parameters?: unknown };
  if (!Array.isArray(parameters)) return operation;
  const isQuery = (parameter: ParameterLike) =>
    parameter.in === 'query' && typeof parameter.name === 'string';
  const denied = (parameters as ParameterLike[]).filter(
    (parameter) => isQuery(parameter) && !granted.has(parameter.name as string),
  );
  if (denied.some((parameter) => parameter.required === true)) return undefined;
  return {
    ...operation,
    parameters: (parameters as ParameterLike[]).filter((parameter) => !denied.includes(parameter)),
  };
}
