import { canonicalJson } from './canonical-json.js';
import type { PublishTarget } from './publish-target.js';

/** Names of the API keys `publish` manages: usage identifiers, per key (`tgu_`) or per plan (`tgp_`). */
export const USAGE_IDENTIFIER_NAME = /^tg[up]_[0-9a-f]{40}$/;

/** An API key named like a usage identifier, as API Gateway lists it. */
export interface ObservedApiKey {
  readonly id: string;
  readonly name: string;
  /** A disabled API key counts no request: API Gateway answers 403 to every request under it. */
  readonly enabled: boolean;
  /** Tagged with this deployment by an earlier `publish`: this deployment may delete it. */
  readonly ownDeployment: boolean;
  /** Also in a usage plan of another deployment (observed only for keys no entry uses any more). */
  readonly inOtherPlans?: boolean;
}

/** What AWS holds now, as far as `publish` manages it. */
export interface ObservedState {
  /** Secret id → its current value; `undefined`: the secret does not exist. */
  readonly secrets: ReadonlyMap<string, string | undefined>;
  /** The deployment's usage plans found by name → id. */
  readonly usagePlans: ReadonlyMap<string, string>;
  readonly apiKeys: readonly ObservedApiKey[];
  /** Usage plan id → the ids of its API keys named like usage identifiers. */
  readonly planKeys: ReadonlyMap<string, readonly string[]>;
}

export type ShardAction = 'create' | 'update' | 'unchanged';

export interface ShardStep {
  readonly secretId: string;
  readonly action: ShardAction;
  readonly json: string;
}

/** One change to API Gateway; ids are filled in where the key exists already. */
export type UsagePlanStep =
  | { readonly kind: 'create-api-key'; readonly identifier: string }
  | { readonly kind: 'enable-api-key'; readonly identifier: string; readonly apiKeyId: string }
  | {
      readonly kind: 'attach';
      readonly identifier: string;
      readonly apiKeyId: string | undefined;
      readonly plan: string;
      readonly planId: string;
    }
  | {
      readonly kind: 'move';
      readonly identifier: string;
      readonly apiKeyId: string;
      readonly from: readonly { readonly plan: string; readonly planId: string }[];
      readonly plan: string;
      readonly planId: string;
    }
  | {
      readonly kind: 'detach';
      readonly identifier: string;
      readonly apiKeyId: string;
      readonly plan: string;
      readonly planId: string;
    }
  | { readonly kind: 'delete-api-key'; readonly identifier: string; readonly apiKeyId: string };

export interface PublishPlan {
  readonly shards: readonly ShardStep[];
  /** Before the shards are written: a new key's identifier exists before the authorizer returns it. */
  readonly register: readonly UsagePlanStep[];
  /** After the shards are written: an identifier goes only once no published key returns it. */
  readonly retire: readonly UsagePlanStep[];
}

/** A usage plan the target names that API Gateway does not have (deploy the infra first). */
export class MissingUsagePlanError extends Error {
  override readonly name = 'MissingUsagePlanError';
}

/**
 * The writes that bring AWS from `observed` to `target`, and nothing else: a shard is written
 * only when its content (canonical JSON) differs, an identifier is created, attached, moved or
 * retired only when it is not where it belongs. Only keys named like usage identifiers are touched;
 * one no entry uses is detached from this deployment's plans and deleted only if this deployment
 * created it and no other deployment's plan holds it.
 */
export function planPublish(target: PublishTarget, observed: ObservedState): PublishPlan {
  const shards = target.shards.map(({ secretId, json }): ShardStep => {
    const current = observed.secrets.get(secretId);
    if (current === undefined) return { secretId, action: 'create', json };
    return { secretId, action: sameDocument(current, json) ? 'unchanged' : 'update', json };
  });

  const planNameOf = new Map([...observed.usagePlans].map(([name, id]) => [id, name]));
  const plansOfKey = new Map<string, string[]>();
  for (const [planId, keyIds] of observed.planKeys) {
    if (!planNameOf.has(planId)) continue;
    for (const keyId of keyIds) plansOfKey.set(keyId, [...(plansOfKey.get(keyId) ?? []), planId]);
  }
  const keyByName = new Map(observed.apiKeys.map((key) => [key.name, key]));

  const register: UsagePlanStep[] = [];
  for (const [identifier, plan] of [...target.identifiers].sort(([a], [b]) => a.localeCompare(b))) {
    const planId = observed.usagePlans.get(plan);
    if (planId === undefined)
      throw new MissingUsagePlanError(
        `usage plan ${plan} not found: deploy the infra for this environment first`,
      );
    const key = keyByName.get(identifier);
    if (key === undefined) {
      register.push(
        { kind: 'create-api-key', identifier },
        { kind: 'attach', identifier, apiKeyId: undefined, plan, planId },
      );
      continue;
    }
    if (!key.enabled) register.push({ kind: 'enable-api-key', identifier, apiKeyId: key.id });
    const attached = plansOfKey.get(key.id) ?? [];
    const elsewhere = attached
      .filter((id) => id !== planId)
      .map((id) => ({ plan: planNameOf.get(id) ?? id, planId: id }));
    if (attached.includes(planId)) {
      for (const other of elsewhere)
        register.push({ kind: 'detach', identifier, apiKeyId: key.id, ...other });
    } else if (elsewhere.length === 0) {
      register.push({ kind: 'attach', identifier, apiKeyId: key.id, plan, planId });
    } else {
      register.push({ kind: 'move', identifier, apiKeyId: key.id, from: elsewhere, plan, planId });
    }
  }

  const retire: UsagePlanStep[] = [];
  for (const key of [...observed.apiKeys].sort((a, b) => a.name.localeCompare(b.name))) {
    if (target.identifiers.has(key.name) || !USAGE_IDENTIFIER_NAME.test(key.name)) continue;
    for (const planId of plansOfKey.get(key.id) ?? []) {
      retire.push({
        kind: 'detach',
        identifier: key.name,
        apiKeyId: key.id,
        plan: planNameOf.get(planId) ?? planId,
        planId,
      });
    }
    if (key.ownDeployment && key.inOtherPlans === false)
      retire.push({ kind: 'delete-api-key', identifier: key.name, apiKeyId: key.id });
  }
  return { shards, register, retire };
}

/** Keys named like usage identifiers that no entry uses any more: the runner asks which other plans hold them. */
export function unusedIdentifierKeys(
  target: PublishTarget,
  apiKeys: readonly ObservedApiKey[],
): ObservedApiKey[] {
  return apiKeys.filter(
    (key) => USAGE_IDENTIFIER_NAME.test(key.name) && !target.identifiers.has(key.name),
  );
}

function sameDocument(current: string, json: string): boolean {
  try {
    return canonicalJson(JSON.parse(current)) === canonicalJson(JSON.parse(json));
  } catch {
    return false;
  }
}

/** The plan as lines: each changed shard, each usage-plan change, then a summary. No key, no secret value. */
export function describePublishPlan(plan: PublishPlan, envName: string, dryRun: boolean): string[] {
  const lines = plan.shards
    .filter((shard) => shard.action !== 'unchanged')
    .map((shard) => `shard ${shard.secretId}: ${shard.action}`);
  for (const step of [...plan.register, ...plan.retire]) lines.push(describeStep(step));
  const shardCount = (action: ShardAction) =>
    plan.shards.filter((shard) => shard.action === action).length;
  const steps = [...plan.register, ...plan.retire];
  const stepCount = (kind: UsagePlanStep['kind']) =>
    steps.filter((step) => step.kind === kind).length;
  lines.push(
    `${dryRun ? `dry run for ${envName}, nothing written` : `published to ${envName}`}: ` +
      `shards: ${shardCount('create')} create, ${shardCount('update')} update, ${shardCount('unchanged')} unchanged; ` +
      `API keys: ${stepCount('create-api-key')} create, ${stepCount('enable-api-key')} enable, ${stepCount('delete-api-key')} delete; ` +
      `usage plan keys: ${stepCount('attach')} attach, ${stepCount('move')} move, ${stepCount('detach')} detach`,
  );
  return lines;
}

function describeStep(step: UsagePlanStep): string {
  switch (step.kind) {
    case 'create-api-key':
      return `create api key ${step.identifier}`;
    case 'enable-api-key':
      return `enable api key ${step.identifier}`;
    case 'attach':
      return `attach ${step.identifier} → ${step.plan}`;
    case 'move':
      return `move ${step.identifier} ${step.from.map(({ plan }) => plan).join(', ')} → ${step.plan}`;
    case 'detach':
      return `detach ${step.identifier} from ${step.plan}`;
    case 'delete-api-key':
      return `delete api key ${step.identifier}`;
  }
}
