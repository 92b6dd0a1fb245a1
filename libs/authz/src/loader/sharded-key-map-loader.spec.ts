import { GetSecretValueCommand, SecretsManagerClient, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide } from '../decision/decide.js';
import { compileKeyMap } from '../key-map/compile-key-map.js';
import { hashedKeyName } from '../key-map/key-names.js';
import { shardName, shardOfHashedName } from '../key-map/shards.js';
import { shardKeyMap } from '../offline/shard-key-map.js';
import { fileKeyMapSource } from '../sources/file-key-map-source.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import { secretsManagerShardSources } from '../sources/secrets-manager-key-map-source.js';
import { recordingLogger, identityOf } from '../testing/fixtures.js';
import { describeKeyMapSourceConformance, uncached } from '../testing/key-map-source-conformance.js';
import { ShardedKeyMapLoader, type ShardedKeyMapLoaderOptions } from './sharded-key-map-loader.js';

// hashedKeyName, observed: the real function, counted (for the hash-once test).
jest.mock('../key-map/key-names.js', () => {
  const actual: typeof import('../key-map/key-names.js') = jest.requireActual('../key-map/key-names.js');
  return { ...actual, hashedKeyName: jest.fn(actual.hashedKeyName) };
});

const SHARDS = 3;
const NO_MAP = compileKeyMap({});
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeKeyMapSourceConformance(`ShardedKeyMapLoader over ${SHARDS} files`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'authz-shards-'));
  dirs.push(dir);
  const path = (index: number) => join(dir, `${shardName(index)}.json`);
  const sourceFor = (index: number) => fileKeyMapSource(path(index));
  const indexes = Array.from({ length: SHARDS }, (_, index) => index);
  return {
    provider: (logger) => new ShardedKeyMapLoader({ shardCount: SHARDS, sourceFor, ...uncached(logger) }),
    sources: indexes.map(sourceFor),
    store: async (document) => {
      await Promise.all(shardKeyMap(document, { shards: SHARDS }).map((shard) => writeFile(path(shard.index), shard.json)));
    },
    storeText: async (text) => {
      await Promise.all(indexes.map((index) => writeFile(path(index), text)));
    },
    fail: () => rm(dir, { recursive: true, force: true }),
  };
});

const throttling = () => new SecretsManagerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {}, message: 'Rate exceeded' });

describeKeyMapSourceConformance(`ShardedKeyMapLoader over ${SHARDS} Secrets Manager secrets`, async () => {
  const client = new SecretsManagerClient({ region: 'eu-west-1' });
  const mock = mockClient(client);
  const sourceFor = secretsManagerShardSources({ secretId: 'tollgate/keys', client });
  const indexes = Array.from({ length: SHARDS }, (_, index) => index);
  const storeTexts = (textOf: (index: number) => string) => {
    mock.reset();
    for (const index of indexes) mock.on(GetSecretValueCommand, { SecretId: `tollgate/keys/${shardName(index)}` }).resolves({ SecretString: textOf(index) });
  };
  return {
    provider: (logger) => new ShardedKeyMapLoader({ shardCount: SHARDS, sourceFor, ...uncached(logger) }),
    sources: indexes.map(sourceFor),
    store: async (document) => {
      const shards = shardKeyMap(document, { shards: SHARDS });
      storeTexts((index) => shards[index]?.json ?? '');
    },
    storeText: async (text) => storeTexts(() => text),
    fail: async () => {
      mock.reset();
      mock.on(GetSecretValueCommand).rejects(throttling());
    },
  };
});

/** Keys of a 4-shard map, found by trying names until each shard has two. */
function keysByShard(count: number): string[][] {
  const byShard: string[][] = Array.from({ length: count }, () => []);
  for (let i = 0; byShard.some((keys) => keys.length < 2); i++) {
    const key = `sk_live_shard_test_${i}`;
    const keys = byShard[shardOfHashedName(hashedKeyName(key), count)];
    if (keys !== undefined && keys.length < 2) keys.push(key);
  }
  return byShard;
}

describe('ShardedKeyMapLoader', () => {
  const COUNT = 4;
  const byShard = keysByShard(COUNT);
  const keyIn = (shard: number, which = 0) => byShard[shard]?.[which] ?? '';
  const document = {
    version: 2,
    plans: { read: [{ method: 'GET', path: '/resources' }] },
    keys: Object.fromEntries(byShard.flat().map((key, i) => [hashedKeyName(key), { companyId: i + 1, userId: i, plans: ['read'] }])),
  };
  const shards = shardKeyMap(document, { shards: COUNT });

  /** Shard sources answering from memory, counting loads per shard; `broken` shards throw. */
  function setup(options: Partial<ShardedKeyMapLoaderOptions> = {}) {
    const clock = { now: 1_000_000 };
    const loads: number[] = [];
    const broken = new Set<number>();
    const texts = shards.map((shard) => shard.json);
    const sourceFor = (index: number): KeyMapSource => ({
      description: `shard ${index}`,
      load: async () => {
        loads.push(index);
        if (broken.has(index)) throw new Error('outage');
        return texts[index];
      },
    });
    const logger = recordingLogger();
    const loader = new ShardedKeyMapLoader({ shardCount: COUNT, sourceFor, logger, now: () => clock.now, ttlMs: 60_000, graceMs: 300_000, retryAfterMs: 5_000, ...options });
    const knows = async (key: string) => identityOf(await loader.keyMapFor(key), key) !== undefined;
    return { clock, loads, broken, texts, logger, loader, knows };
  }

  it('loads only the shard that can hold the presented key: one load on a cold start', async () => {
    const { loads, knows } = setup();
    expect(await knows(keyIn(2))).toBe(true);
    expect(loads).toEqual([2]);
    expect(await knows(keyIn(2, 1))).toBe(true);
    expect(await knows(keyIn(0))).toBe(true);
    expect(loads).toEqual([2, 0]);
  });

  it('answers a string that can never be a key without loading anything', async () => {
    const { loads, loader } = setup();
    for (const key of ['', '__proto__', hashedKeyName(keyIn(1)), 'k'.repeat(300)]) expect(identityOf(await loader.keyMapFor(key), key)).toBeUndefined();
    expect(loads).toEqual([]);
  });

  it('caches each shard with its own TTL', async () => {
    const { clock, loads, knows } = setup();
    await knows(keyIn(0));
    clock.now += 30_000;
    await knows(keyIn(1));
    clock.now += 30_000;
    await knows(keyIn(0));
    await knows(keyIn(1));
    expect(loads).toEqual([0, 1, 0]);
  });

  it('keeps serving a failing shard’s last good copy for the grace period, then fails only that shard closed', async () => {
    const { clock, broken, knows } = setup();
    await knows(keyIn(0));
    await knows(keyIn(1));
    broken.add(0);
    clock.now += 60_000 + 300_000 - 1;
    expect(await knows(keyIn(0))).toBe(true);
    clock.now += 5_000;
    expect(await knows(keyIn(0))).toBe(false);
    expect(await knows(keyIn(1))).toBe(true);
  });

  it('refuses a document that is not the expected shard, logging why', async () => {
    const { texts, knows, logger } = setup();
    texts[3] = texts[2] ?? '';
    expect(await knows(keyIn(3))).toBe(false);
    expect(logger.records.at(-1)).toMatchObject({
      level: 'error',
      fields: { source: 'shard 3', error: 'KeyMapFormatError', reason: 'invalid key map: expected shard-003 of 4, found shard-002 of 4', failClosed: true },
    });
  });

  it('hashes a presented key once: for the shard pick, the decision in its shard, and the decisions after a reload', async () => {
    const { clock, loader } = setup();
    const hashing = jest.mocked(hashedKeyName);
    hashing.mockClear();
    const key = keyIn(1);
    const request = { apiKey: key, method: 'GET', path: '/resources', queryParameterNames: [] };
    for (let i = 0; i < 3; i++) expect(decide((await loader.keyMapFor(key)) ?? NO_MAP, request).effect).toBe('Allow');
    clock.now += 60_000;
    expect(decide((await loader.keyMapFor(key)) ?? NO_MAP, request).effect).toBe('Allow');
    expect(hashing.mock.calls.filter(([value]) => value === key)).toHaveLength(1);
  });

  it('rejects a shard count outside 1 to 256', () => {
    expect(() => setup({ shardCount: 0 })).toThrow('shardCount must be a whole number from 1 to 256');
  });

  it('makes exactly one GetSecretValue call on a cold start, for the key’s shard', async () => {
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    const mock = mockClient(client);
    for (const shard of shards) mock.on(GetSecretValueCommand, { SecretId: `tollgate/keys/${shard.name}` }).resolves({ SecretString: shard.json });
    const loader = new ShardedKeyMapLoader({ shardCount: COUNT, sourceFor: secretsManagerShardSources({ secretId: 'tollgate/keys', client }), logger: recordingLogger() });
    await Promise.all([loader.keyMapFor(keyIn(3)), loader.keyMapFor(keyIn(3, 1))]);
    expect(identityOf(await loader.keyMapFor(keyIn(3)), keyIn(3))).toBeDefined();
    expect(mock.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.SecretId)).toEqual(['tollgate/keys/shard-003']);
  });
});
