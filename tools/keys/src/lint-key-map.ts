import { formatGrant, type GrantSpec } from './grant-spec.js';
import type { EditableKeyMap } from './key-map-file.js';
import { fingerprintOf } from './key-reference.js';
import { overlaps } from './path-overlap.js';
import type { ServedRoute } from './served-routes.js';

/**
 * Checks a key map against what the domains serve: every grant (a plan's or a key's own) must
 * reach a route some domain serves, with only query parameter names that route declares; every
 * plan must be used by a key and every key must have a grant. One line per finding; entries are
 * named by fingerprint, never by key. Empty: the map is clean.
 */
export function lintKeyMap(map: EditableKeyMap, routes: readonly ServedRoute[]): string[] {
  const findings: string[] = [];
  const usedPlans = new Set<string>();
  for (const [storedName, entry] of Object.entries(map.keys)) {
    const label = `key ${fingerprintOf(storedName)}`;
    for (const plan of entry.plans ?? []) usedPlans.add(plan);
    for (const grant of entry.grants ?? []) findings.push(...grantFindings(label, grant, routes));
    const planGrants = (entry.plans ?? []).reduce(
      (count, plan) => count + (map.plans[plan]?.length ?? 0),
      0,
    );
    if ((entry.grants ?? []).length + planGrants === 0)
      findings.push(`${label}: has no grants (none of its own, none from its plans)`);
  }
  for (const [plan, grants] of Object.entries(map.plans)) {
    if (!usedPlans.has(plan)) findings.push(`plan ${plan}: used by no key`);
    for (const grant of grants) findings.push(...grantFindings(`plan ${plan}`, grant, routes));
  }
  return findings;
}

function grantFindings(label: string, grant: GrantSpec, routes: readonly ServedRoute[]): string[] {
  const sameMethod = routes.filter((route) => route.method === grant.method);
  const reached = sameMethod.filter(
    (route) => typeof route.path === 'string' && overlaps(grant.path, route.path),
  );
  if (reached.length === 0) {
    // A RegExp route cannot be compared with a template: say nothing rather than guess.
    if (sameMethod.some((route) => route.path instanceof RegExp)) return [];
    return [
      `${label}: grant ${formatGrant(grant)}: no domain serves ${grant.method} ${grant.path}`,
    ];
  }
  const declared = new Set<string>();
  for (const route of reached) {
    if (route.queryNames === undefined) return [];
    for (const name of route.queryNames) declared.add(name);
  }
  return (grant.queryParameters ?? [])
    .filter((name) => !declared.has(name))
    .map(
      (name) =>
        `${label}: grant ${formatGrant(grant)}: query parameter "${name}" is not declared by ${grant.method} ${grant.path}`,
    );
}
