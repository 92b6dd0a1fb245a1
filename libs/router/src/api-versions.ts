import type {
  RouteDefinition,
  RouteRequest,
  RouteResponse,
  RouteResponses,
  TypedRouteDefinition,
} from './route.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { RouteDefinitionError } from './route-definition-error.js';
import type { ApiVersion, RawRouteInput, ResponseChange, VersionChange } from './version-change.js';
import { isValidVersion } from './version.js';

/** A route written once, for the newest version, with the changes that lead back to older ones. */
export type VersionedRouteDefinition<
  TPath extends string | RegExp = string | RegExp,
  TParamsSchema extends StandardSchemaV1 | undefined = undefined,
  TQuerySchema extends StandardSchemaV1 | undefined = undefined,
  TBodySchema extends StandardSchemaV1 | undefined = undefined,
> = Omit<
  TypedRouteDefinition<TPath, TParamsSchema, TQuerySchema, TBodySchema>,
  'version' | 'deprecated'
> & {
  /** The oldest version serving this route (default: the oldest of the API). */
  readonly since?: string;
  /** Newest first. Each one applies to every version older than its own. */
  readonly changes?: readonly VersionChange[];
};

export interface ApiVersions {
  /** Newest first. */
  readonly versions: readonly string[];
  /**
   * One `RouteDefinition` per version the route serves: the newest runs the handler as written;
   * an older one upgrades the request and downgrades the response through every newer change.
   * @throws RouteDefinitionError when a change names an unknown version, is out of order, or
   * changes a status whose newer body it does not start from.
   */
  route<
    const TPath extends string | RegExp,
    TParamsSchema extends StandardSchemaV1 | undefined = undefined,
    TQuerySchema extends StandardSchemaV1 | undefined = undefined,
    TBodySchema extends StandardSchemaV1 | undefined = undefined,
  >(
    definition: VersionedRouteDefinition<TPath, TParamsSchema, TQuerySchema, TBodySchema>,
  ): RouteDefinition[];
}

/** Declares the API's versions (newest first) once; routes then say only what changed when. */
export function apiVersions(versions: readonly ApiVersion[]): ApiVersions {
  const names = versions.map((entry) => entry.version);
  names.forEach((version, index) => {
    if (!isValidVersion(version)) {
      throw new RouteDefinitionError(
        'invalid-version',
        `API version ${JSON.stringify(version)} is not a YYYY-MM-DD date`,
      );
    }
    if (index > 0 && !(version < (names[index - 1] as string))) {
      throw new RouteDefinitionError(
        'invalid-version',
        `API versions must be listed newest first, without repeats`,
      );
    }
  });
  return {
    versions: names,
    route: (definition) => expand(definition as unknown as ErasedVersionedRoute, versions, names),
  };
}

type ErasedVersionedRoute = Omit<
  RouteDefinition,
  'version' | 'deprecated' | 'changes' | 'upgradeRequest'
> & {
  readonly since?: string;
  readonly changes?: readonly VersionChange[];
};

function expand(
  definition: ErasedVersionedRoute,
  versions: readonly ApiVersion[],
  names: readonly string[],
): RouteDefinition[] {
  const where = `${definition.method} ${String(definition.path)}`;
  const { since, changes = [], ...common } = definition;
  const oldest = since ?? names[names.length - 1];
  if (oldest === undefined || !names.includes(oldest)) {
    throw new RouteDefinitionError(
      'invalid-version',
      `${where}: since ${String(since)} is not one of the API's versions`,
    );
  }
  checkChanges(where, changes, names);

  const definitions: RouteDefinition[] = [];
  let responses: RouteResponses | undefined = definition.responses;
  // The changes a version's client needs undone, newest first, grow as we walk back in time.
  const pending: VersionChange[] = [];
  for (const { version, deprecated } of versions) {
    if (version < oldest) break;
    const introduced = changes.filter((change) => change.version === version);
    definitions.push({
      ...common,
      version,
      ...(deprecated !== undefined && { deprecated }),
      ...(responses !== undefined && { responses }),
      ...(introduced.length > 0 && { changes: introduced.map((change) => change.description) }),
      ...(pending.length > 0 && olderVersion([...pending], definition.handler)),
    });
    for (const change of introduced) {
      responses = olderResponses(where, change, responses);
      pending.push(change);
    }
  }
  return definitions;
}

/** The handler and request upgrade of a version older than every change in `chain`. */
function olderVersion(
  chain: readonly VersionChange[],
  handler: RouteDefinition['handler'],
): Pick<RouteDefinition, 'handler' | 'upgradeRequest'> {
  const upgrades = chain.filter((change) => change.upgradeRequest !== undefined).reverse();
  return {
    handler: async (request: RouteRequest) => downgradeResponse(chain, await handler(request)),
    ...(upgrades.length > 0 && {
      upgradeRequest: (input: RawRouteInput) =>
        upgrades.reduce(
          (current, change) =>
            (change.upgradeRequest as (i: RawRouteInput) => RawRouteInput)(current),
          input,
        ),
    }),
  };
}

/** Applies each change's transform for the response's status, newest change first. */
export function downgradeResponse(
  chain: readonly VersionChange[],
  response: RouteResponse,
): RouteResponse {
  let body = response.body;
  let changed = false;
  for (const change of chain) {
    const step: ResponseChange | undefined = change.responses?.[response.status];
    if (step === undefined) continue;
    body = step.transform(body);
    changed = true;
  }
  return changed ? { ...response, body } : response;
}

function checkChanges(
  where: string,
  changes: readonly VersionChange[],
  names: readonly string[],
): void {
  changes.forEach((change, index) => {
    if (!names.includes(change.version) || change.version === names[names.length - 1]) {
      throw new RouteDefinitionError(
        'invalid-version-change',
        `${where}: change "${change.description}" names version ${change.version}, which has no older version to serve`,
      );
    }
    const previous = changes[index - 1];
    if (previous !== undefined && change.version > previous.version) {
      throw new RouteDefinitionError(
        'invalid-version-change',
        `${where}: list version changes newest first`,
      );
    }
  });
}

function olderResponses(
  where: string,
  change: VersionChange,
  newer: RouteResponses | undefined,
): RouteResponses | undefined {
  if (change.responses === undefined) return newer;
  const older: Record<number, RouteResponses[number]> = { ...newer };
  for (const [status, step] of Object.entries(change.responses)) {
    const current = newer?.[Number(status)];
    if (current === undefined || (step.from !== undefined && step.from !== current.body)) {
      throw new RouteDefinitionError(
        'invalid-version-change',
        `${where}: change "${change.description}" transforms a ${status} body the newer version does not declare`,
      );
    }
    older[Number(status)] = step.to;
  }
  return older;
}
