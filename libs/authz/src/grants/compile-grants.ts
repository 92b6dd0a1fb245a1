import type { Grant } from '../key-map/key-map.js';
import { GrantTable } from './grant-table.js';

/** Grants compiled for matching: answers "is this request granted?" without building anything per request. */
export interface CompiledGrants {
  allows(method: string, path: string, queryParameterNames: readonly string[]): boolean;
}

/**
 * Compiles one grant set. Pass a shared `GrantTable` to compile many sets whose common routes
 * and query-name sets are then stored once (a `CompiledKeyMap` does this for its keys).
 */
export function compileGrants(grants: readonly Grant[], table: GrantTable = new GrantTable()): CompiledGrants {
  const slot = table.add(grants);
  return { allows: (method, path, queryParameterNames) => table.allows(slot, method, path, queryParameterNames) };
}
