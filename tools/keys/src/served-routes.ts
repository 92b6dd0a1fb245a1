import { domains, loadRouteTables } from '@tollgate/domain-registry';
import type { RouteDefinition } from '@tollgate/router';
import * as z from 'zod/mini';

/** What `lint` needs of one route the domains serve (any API version). */
export interface ServedRoute {
  readonly method: string;
  /** A template such as `/resources/{id}`, or a RegExp (which a grant cannot be compared with). */
  readonly path: string | RegExp;
  /**
   * The query parameter names its query schema declares (none without a schema, as the OpenAPI
   * documents say); `undefined` when the schema cannot be read as an object of named properties.
   */
  readonly queryNames: readonly string[] | undefined;
}

/** The routes of every domain in the registry, from their route tables (`routeTableModule`). */
export async function loadServedRoutes(): Promise<ServedRoute[]> {
  return servedRoutes(await loadRouteTables<RouteDefinition>(domains));
}

export function servedRoutes(routes: readonly RouteDefinition[]): ServedRoute[] {
  return routes.map((route) => ({
    method: route.method,
    path: route.path,
    queryNames: queryNamesOf(route),
  }));
}

function queryNamesOf(route: RouteDefinition): readonly string[] | undefined {
  const schema = route.schemas?.query;
  if (schema === undefined) return [];
  let json: Record<string, unknown>;
  try {
    // The domains' schemas are zod's (as tools/openapi converts them); what a client sends: `input`.
    json = z.toJSONSchema(schema as z.ZodMiniType, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const properties = json['properties'];
  return json['type'] === 'object' && typeof properties === 'object' && properties !== null
    ? Object.keys(properties)
    : undefined;
}
