// An in-memory Secrets Manager and API Gateway behind aws-sdk-client-mock: the publish tests run
// the real clients, mocked at the SDK boundary, against a state that their writes change, so a
// second run sees what the first one wrote. Pages are small to exercise pagination.
import {
  APIGatewayClient,
  ConflictException,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  NotFoundException,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import type { PublishClients } from './publish-runner.js';

export const secretsManagerMock = mockClient(SecretsManagerClient);
export const apiGatewayMock = mockClient(APIGatewayClient);

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Real clients (their `send` is mocked); the region is the config's, as `publish` passes it. */
export function testClients(region: string): PublishClients {
  return {
    secretsManager: new SecretsManagerClient({ region, credentials }),
    apiGateway: new APIGatewayClient({ region, credentials }),
  };
}

interface FakeApiKey {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly tags: Record<string, string>;
  enabled: boolean;
}

const notFound = (message: string) => new NotFoundException({ message, $metadata: {} });

export class FakeAws {
  readonly secrets = new Map<string, string>();
  readonly usagePlans: { id: string; name: string }[] = [];
  readonly apiKeys = new Map<string, FakeApiKey>();
  readonly planKeys = new Map<string, Set<string>>();
  /** The write calls received since the last `resetCalls`, in order (e.g. `PutSecretValue`). */
  readonly writes: string[] = [];
  private nextId = 1;

  constructor(private readonly pageSize = 2) {
    secretsManagerMock.reset();
    apiGatewayMock.reset();
    this.install();
  }

  addUsagePlan(name: string): string {
    const id = `plan${this.nextId++}`;
    this.usagePlans.push({ id, name });
    this.planKeys.set(id, new Set());
    return id;
  }

  addApiKey(
    name: string,
    value: string,
    tags: Record<string, string> = {},
    plans: readonly string[] = [],
  ): string {
    const id = `key${this.nextId++}`;
    this.apiKeys.set(id, { id, name, value, tags, enabled: true });
    for (const planId of plans) this.planKeys.get(planId)?.add(id);
    return id;
  }

  planId(name: string): string {
    const plan = this.usagePlans.find((candidate) => candidate.name === name);
    if (plan === undefined) throw new Error(`no plan ${name}`);
    return plan.id;
  }

  /** Plan name → the names of its API keys, sorted. */
  attachments(): Record<string, string[]> {
    return Object.fromEntries(
      this.usagePlans.map(({ id, name }) => [
        name,
        [...(this.planKeys.get(id) ?? [])]
          .map((keyId) => this.apiKeys.get(keyId)?.name ?? keyId)
          .sort(),
      ]),
    );
  }

  /** Clears the recorded calls, keeping the state. */
  resetCalls(): void {
    secretsManagerMock.resetHistory();
    apiGatewayMock.resetHistory();
    this.writes.length = 0;
  }

  private page<T>(items: readonly T[], position: string | undefined) {
    const start = position === undefined ? 0 : Number(position);
    const end = start + this.pageSize;
    return {
      items: items.slice(start, end),
      ...(end < items.length ? { position: String(end) } : {}),
    };
  }

  private install(): void {
    secretsManagerMock.on(GetSecretValueCommand).callsFake(({ SecretId }) => {
      const value = this.secrets.get(SecretId);
      if (value === undefined)
        throw new ResourceNotFoundException({
          message: "Secrets Manager can't find the specified secret.",
          $metadata: {},
        });
      return { Name: SecretId, SecretString: value };
    });
    secretsManagerMock.on(PutSecretValueCommand).callsFake(({ SecretId, SecretString }) => {
      this.writes.push('PutSecretValue');
      if (!this.secrets.has(SecretId))
        throw new ResourceNotFoundException({
          message: "Secrets Manager can't find the specified secret.",
          $metadata: {},
        });
      this.secrets.set(SecretId, SecretString);
      return {};
    });
    secretsManagerMock.on(CreateSecretCommand).callsFake(({ Name, SecretString }) => {
      this.writes.push('CreateSecret');
      if (this.secrets.has(Name))
        throw new ResourceExistsException({ message: 'exists', $metadata: {} });
      this.secrets.set(Name, SecretString);
      return { Name };
    });

    apiGatewayMock.on(GetUsagePlansCommand).callsFake(({ keyId, position }) => {
      const plans =
        keyId === undefined
          ? this.usagePlans
          : this.usagePlans.filter(({ id }) => this.planKeys.get(id)?.has(keyId));
      return this.page(plans, position);
    });
    apiGatewayMock.on(GetUsagePlanKeysCommand).callsFake(({ usagePlanId, position }) => {
      const ids = this.planKeys.get(usagePlanId);
      if (ids === undefined) throw notFound('Invalid Usage Plan identifier specified');
      const keys = [...ids]
        .map((id) => this.apiKeys.get(id))
        .map((key) => ({ id: key?.id, type: 'API_KEY', name: key?.name, value: key?.value }));
      return this.page(keys, position);
    });
    apiGatewayMock.on(GetApiKeysCommand).callsFake(({ position, includeValues }) => {
      const keys = [...this.apiKeys.values()].map(({ id, name, value, tags, enabled }) => ({
        id,
        name,
        tags,
        enabled,
        ...(includeValues ? { value } : {}),
      }));
      return this.page(keys, position);
    });
    apiGatewayMock.on(CreateApiKeyCommand).callsFake(({ name, value, tags }) => {
      this.writes.push('CreateApiKey');
      if ([...this.apiKeys.values()].some((key) => key.value === value))
        throw new ConflictException({ message: 'API Key already exists', $metadata: {} });
      const id = this.addApiKey(name, value, tags);
      return { id, name, enabled: true };
    });
    apiGatewayMock.on(UpdateApiKeyCommand).callsFake(({ apiKey, patchOperations }) => {
      this.writes.push('UpdateApiKey');
      const key = this.apiKeys.get(apiKey);
      if (key === undefined) throw notFound('Invalid API Key identifier specified');
      for (const { op, path, value } of patchOperations ?? [])
        if (op === 'replace' && path === '/enabled') key.enabled = value === 'true';
      return { id: key.id, enabled: key.enabled };
    });
    apiGatewayMock.on(DeleteApiKeyCommand).callsFake(({ apiKey }) => {
      this.writes.push('DeleteApiKey');
      if (!this.apiKeys.delete(apiKey)) throw notFound('Invalid API Key identifier specified');
      for (const keys of this.planKeys.values()) keys.delete(apiKey);
      return {};
    });
    apiGatewayMock.on(CreateUsagePlanKeyCommand).callsFake(({ usagePlanId, keyId }) => {
      this.writes.push('CreateUsagePlanKey');
      const keys = this.planKeys.get(usagePlanId);
      if (keys === undefined || !this.apiKeys.has(keyId))
        throw notFound('Invalid identifier specified');
      // All the fake's plans share one API stage: a key may be in only one of them.
      if ([...this.planKeys.values()].some((other) => other.has(keyId))) {
        throw new ConflictException({
          message: 'API Key cannot reference multiple Usage Plans with the same API Stage',
          $metadata: {},
        });
      }
      keys.add(keyId);
      return { id: keyId, type: 'API_KEY' };
    });
    apiGatewayMock.on(DeleteUsagePlanKeyCommand).callsFake(({ usagePlanId, keyId }) => {
      this.writes.push('DeleteUsagePlanKey');
      if (this.planKeys.get(usagePlanId)?.delete(keyId) !== true)
        throw notFound('Invalid Usage Plan Key identifier specified');
      return {};
    });
  }
}
