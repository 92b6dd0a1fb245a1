import { sha256Hex, usageIdentifierOf } from './key-names.js';

/** A plan name: 1–64 of A–Z a–z 0–9 _ . : -, starting with a letter or digit. Usage plans are named like the plans keys list. */
const PLAN_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function isPlanName(name: string): boolean {
  return PLAN_NAME.test(name);
}

/** The usage plan of a key none of whose plans is a usage plan. Every deployment has it. */
export const DEFAULT_USAGE_PLAN = 'default';

/**
 * What the authorizer returns as `usageIdentifierKey`, i.e. which API Gateway API key a
 * request is counted under. `per-key`: one per client key, so API Gateway tracks and
 * throttles each key (at most 10,000 API keys per account and region, a hard limit).
 * `per-plan`: one per usage plan, for maps beyond that; a plan's throttle then applies to all
 * its keys together. `namespace` (the deployment, `<project>-<env>`) keeps two deployments in
 * one account from sharing a plan's identifier, since API key values are unique per region.
 * `usagePlans` (the deployment's usage plan names) also names each key's `usagePlan`; per key
 * it is optional, and without it every key's usage plan is `default`.
 */
export type UsageIdentifiers =
  | { readonly mode: 'per-key'; readonly usagePlans?: readonly string[] }
  | { readonly mode: 'per-plan'; readonly namespace: string; readonly usagePlans: readonly string[] };

/** The default: one identifier per key. */
export const PER_KEY_USAGE_IDENTIFIERS: UsageIdentifiers = Object.freeze({ mode: 'per-key' });

/**
 * A key's usage plan: the first of its key-map plans that is also a usage plan (named in the
 * deployment's config), else `default`. Plans that are not usage plans only bundle grants.
 */
export function usagePlanOf(keyPlans: readonly string[], usagePlans: readonly string[]): string {
  for (const plan of keyPlans) if (usagePlans.includes(plan)) return plan;
  return DEFAULT_USAGE_PLAN;
}

/** The identifier of a usage plan in `per-plan` mode: `tgp_` and 40 hex characters. */
export function usageIdentifierOfPlan(namespace: string, plan: string): string {
  return `tgp_${sha256Hex(`${namespace}/${plan}`).slice(0, 40)}`;
}

/** A key's `usageIdentifierKey` (from its stored name and key-map plans); never the key itself. */
export function usageIdentifierFor(identifiers: UsageIdentifiers, storedName: string, keyPlans: readonly string[]): string {
  return identifiers.mode === 'per-key'
    ? usageIdentifierOf(storedName)
    : usageIdentifierOfPlan(identifiers.namespace, usagePlanOf(keyPlans, identifiers.usagePlans));
}
