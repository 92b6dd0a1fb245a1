import { InputError } from './input-error.js';

export interface GrantSpec {
  readonly method: string;
  readonly path: string;
  readonly queryParameters?: readonly string[];
}

const GRANT = /^([A-Z]+) (\/[^?\s]*)(?:\?([^\s]*))?$/;

/**
 * `'<METHOD> <path>[?q1,q2]'` → a stored grant. Only the shape is checked here; the map's own
 * validation (when the map is written) checks the method and the path template.
 */
export function parseGrantSpec(spec: string): GrantSpec {
  const match = GRANT.exec(spec.trim());
  if (match === null) throw new InputError(`malformed grant "${spec}": expected '<METHOD> <path>[?q1,q2]', e.g. 'GET /resources?limit,cursor'`);
  const [, method = '', path = '', query] = match;
  const queryParameters = query === undefined || query === '' ? [] : query.split(',');
  if (queryParameters.some((name) => name === '')) throw new InputError(`malformed grant "${spec}": empty query parameter name`);
  return queryParameters.length === 0 ? { method, path } : { method, path, queryParameters: [...new Set(queryParameters)].sort() };
}

/** The spec form of a stored grant (what `show` prints). */
export function formatGrant(grant: GrantSpec): string {
  const query = grant.queryParameters ?? [];
  return `${grant.method} ${grant.path}${query.length === 0 ? '' : `?${query.join(',')}`}`;
}

/** Whether two grants are the same (for `grant`, which adds each once, and `ungrant`). */
export function sameGrant(a: GrantSpec, b: GrantSpec): boolean {
  return formatGrant(normalized(a)) === formatGrant(normalized(b));
}

function normalized(grant: GrantSpec): GrantSpec {
  return { ...grant, queryParameters: [...(grant.queryParameters ?? [])].sort() };
}
