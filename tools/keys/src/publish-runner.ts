import {
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateApiKeyCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  unusedIdentifierKeys,
  USAGE_IDENTIFIER_NAME,
  type ObservedApiKey,
  type ObservedState,
  type PublishPlan,
  type UsagePlanStep,
} from './publish-plan.js';
import type { PublishTarget } from './publish-target.js';

/** The AWS clients `publish` works through (created with the config's region; tests mock them). */
export interface PublishClients {
  readonly secretsManager: SecretsManagerClient;
  readonly apiGateway: APIGatewayClient;
}

/** An AWS call that failed: one line naming the call and the resource, never a secret value. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/** Tag on the API keys `publish` creates: which deployment may delete them again. */
export const DEPLOYMENT_TAG = 'tollgate:deployment';

const PAGE = 500;

/** Reads what `publish` manages: the shard secrets, the deployment's usage plans and their identifier keys. */
export async function observeState(
  clients: PublishClients,
  target: PublishTarget,
): Promise<ObservedState> {
  const secrets = new Map<string, string | undefined>();
  for (const { secretId } of target.shards)
    secrets.set(secretId, await secretValue(clients.secretsManager, secretId));

  const wanted = new Set(target.usagePlans);
  const usagePlans = new Map<string, string>();
  for (const plan of await pages((position) =>
    call(
      'GetUsagePlans',
      clients.apiGateway.send(new GetUsagePlansCommand({ limit: PAGE, position })),
    ),
  )) {
    if (plan.name !== undefined && plan.id !== undefined && wanted.has(plan.name))
      usagePlans.set(plan.name, plan.id);
  }

  const planKeys = new Map<string, string[]>();
  for (const [name, usagePlanId] of usagePlans) {
    const keys = await pages((position) =>
      call(
        `GetUsagePlanKeys ${name}`,
        clients.apiGateway.send(
          new GetUsagePlanKeysCommand({ usagePlanId, limit: PAGE, position }),
        ),
      ),
    );
    planKeys.set(
      usagePlanId,
      keys
        .filter((key) => key.id !== undefined && USAGE_IDENTIFIER_NAME.test(key.name ?? ''))
        .map((key) => key.id ?? ''),
    );
  }

  // Values are never asked for: other API keys' values are secrets.
  const listed = await pages((position) =>
    call(
      'GetApiKeys',
      clients.apiGateway.send(
        new GetApiKeysCommand({ limit: PAGE, position, includeValues: false }),
      ),
    ),
  );
  const apiKeys: ObservedApiKey[] = listed
    .filter((key) => key.id !== undefined && USAGE_IDENTIFIER_NAME.test(key.name ?? ''))
    .map((key) => ({
      id: key.id ?? '',
      name: key.name ?? '',
      enabled: key.enabled === true,
      ownDeployment: key.tags?.[DEPLOYMENT_TAG] === target.deployment,
    }));

  // Only for identifiers no entry uses any more: whether another deployment's plan still holds them.
  const ours = new Set(usagePlans.values());
  const unused = new Set(unusedIdentifierKeys(target, apiKeys).map((key) => key.id));
  const observedKeys: ObservedApiKey[] = [];
  for (const key of apiKeys) {
    if (!unused.has(key.id)) {
      observedKeys.push(key);
      continue;
    }
    const holding = await pages((position) =>
      call(
        `GetUsagePlans for ${key.name}`,
        clients.apiGateway.send(new GetUsagePlansCommand({ keyId: key.id, limit: PAGE, position })),
      ),
    );
    observedKeys.push({
      ...key,
      inOtherPlans: holding.some((plan) => plan.id !== undefined && !ours.has(plan.id)),
    });
  }
  return { secrets, usagePlans, apiKeys: observedKeys, planKeys };
}

/**
 * Carries out a plan: identifiers are registered first (a new key's identifier exists before the
 * authorizer can return it), then the changed shards are written, then identifiers no key uses
 * are detached and deleted (once no published key returns them).
 */
export async function applyPublishPlan(
  clients: PublishClients,
  plan: PublishPlan,
  target: PublishTarget,
): Promise<void> {
  const created = new Map<string, string>();
  for (const step of plan.register) await applyStep(clients.apiGateway, step, target, created);
  for (const shard of plan.shards) {
    if (shard.action === 'update') {
      await call(
        `PutSecretValue ${shard.secretId}`,
        clients.secretsManager.send(
          new PutSecretValueCommand({ SecretId: shard.secretId, SecretString: shard.json }),
        ),
      );
    } else if (shard.action === 'create') {
      await createSecret(clients.secretsManager, shard.secretId, shard.json, target.deployment);
    }
  }
  for (const step of plan.retire) await applyStep(clients.apiGateway, step, target, created);
}

async function applyStep(
  apiGateway: APIGatewayClient,
  step: UsagePlanStep,
  target: PublishTarget,
  created: Map<string, string>,
): Promise<void> {
  const attach = (keyId: string, usagePlanId: string, plan: string) =>
    call(
      `CreateUsagePlanKey ${step.identifier} → ${plan}`,
      apiGateway.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId, keyType: 'API_KEY' })),
    );
  const detach = (keyId: string, usagePlanId: string, plan: string) =>
    call(
      `DeleteUsagePlanKey ${step.identifier} from ${plan}`,
      apiGateway.send(new DeleteUsagePlanKeyCommand({ usagePlanId, keyId })),
    );
  switch (step.kind) {
    case 'create-api-key': {
      // The value is the identifier, which is not a secret: it leads back to no key.
      const key = await call(
        `CreateApiKey ${step.identifier}`,
        apiGateway.send(
          new CreateApiKeyCommand({
            name: step.identifier,
            value: step.identifier,
            enabled: true,
            description: `Tollgate usage identifier of ${target.deployment} (not a client key)`,
            tags: { [DEPLOYMENT_TAG]: target.deployment },
          }),
        ),
      );
      if (key.id === undefined)
        throw new PublishError(`CreateApiKey ${step.identifier} returned no id`);
      created.set(step.identifier, key.id);
      return;
    }
    case 'enable-api-key':
      await call(
        `UpdateApiKey ${step.identifier}`,
        apiGateway.send(
          new UpdateApiKeyCommand({
            apiKey: step.apiKeyId,
            patchOperations: [{ op: 'replace', path: '/enabled', value: 'true' }],
          }),
        ),
      );
      return;
    case 'attach': {
      const keyId = step.apiKeyId ?? created.get(step.identifier);
      if (keyId === undefined) throw new PublishError(`no API key id for ${step.identifier}`);
      await attach(keyId, step.planId, step.plan);
      return;
    }
    case 'move':
      // An API key may be in one plan per API stage: out of the old plan first.
      for (const from of step.from) await detach(step.apiKeyId, from.planId, from.plan);
      await attach(step.apiKeyId, step.planId, step.plan);
      return;
    case 'detach':
      await detach(step.apiKeyId, step.planId, step.plan);
      return;
    case 'delete-api-key':
      await call(
        `DeleteApiKey ${step.identifier}`,
        apiGateway.send(new DeleteApiKeyCommand({ apiKey: step.apiKeyId })),
      );
      return;
  }
}

async function createSecret(
  client: SecretsManagerClient,
  secretId: string,
  json: string,
  deployment: string,
): Promise<void> {
  const description = `Tollgate key map (hashed keys only) of ${deployment}, written by tollgate-keys publish`;
  try {
    await client.send(
      new CreateSecretCommand({ Name: secretId, SecretString: json, Description: description }),
    );
  } catch (error) {
    // A secret created without a value reads as not found: give it its first value.
    if ((error as { name?: unknown }).name !== 'ResourceExistsException')
      throw failure(`CreateSecret ${secretId}`, error);
    await call(
      `PutSecretValue ${secretId}`,
      client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: json })),
    );
  }
}

async function secretValue(
  client: SecretsManagerClient,
  secretId: string,
): Promise<string | undefined> {
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    return SecretString ?? '';
  } catch (error) {
    if ((error as { name?: unknown }).name === 'ResourceNotFoundException') return undefined;
    throw failure(`GetSecretValue ${secretId}`, error);
  }
}

async function pages<T>(
  page: (
    position: string | undefined,
  ) => Promise<{ items?: T[] | undefined; position?: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  let position: string | undefined;
  do {
    const result = await page(position);
    items.push(...(result.items ?? []));
    position = result.position;
  } while (position !== undefined);
  return items;
}

async function call<T>(what: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw failure(what, error);
  }
}

function failure(what: string, error: unknown): PublishError {
  const { name, message } =
    error instanceof Error ? error : { name: 'Error', message: String(error) };
  return new PublishError(`${what} failed: ${name}: ${message}`);
}
