import type { DomainDefinition } from './domain-definition.js';

export type ModuleImporter = (specifier: string) => Promise<Record<string, unknown>>;

/** The registry names a domain's route table module; anything else about it is a wiring fault. */
export class RouteTableError extends Error {
  override readonly name = 'RouteTableError';
}

/**
 * Every domain's routes, read from the module its registry entry names (the OpenAPI documents
 * and `tollgate-keys lint` read them). `Route` is what the modules' `routeTable()` returns, the
 * router's `RouteDefinition`: the registry does not import the router (the infra app, which
 * depends on the registry, may not), so only "an array" is checked here.
 */
export async function loadRouteTables<Route = unknown>(
  domains: readonly DomainDefinition[],
  importModule: ModuleImporter = (specifier) => import(specifier),
): Promise<Route[]> {
  const routes: Route[] = [];
  for (const domain of domains) {
    const specifier = domain.routeTableModule;
    if (specifier === undefined) {
      throw new RouteTableError(
        `domain ${domain.name} names no routeTableModule: its routes cannot be documented`,
      );
    }
    const { routeTable } = await importModule(specifier);
    if (typeof routeTable !== 'function') {
      throw new RouteTableError(
        `${specifier} (domain ${domain.name}) exports no routeTable() function`,
      );
    }
    const table: unknown = routeTable();
    if (!Array.isArray(table)) {
      throw new RouteTableError(
        `${specifier} (domain ${domain.name}): routeTable() returned no array`,
      );
    }
    routes.push(...(table as Route[]));
  }
  return routes;
}
