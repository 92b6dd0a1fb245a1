import { compileKeyMap } from '../key-map/compile-key-map.js';
import { hashedKeyName, usageIdentifierOf } from '../key-map/key-names.js';
import { usageIdentifierOfPlan, type UsageIdentifiers } from '../key-map/usage-plans.js';
import { CachingKeyMapLoader } from '../loader/caching-key-map-loader.js';
import { ShardedKeyMapLoader } from '../loader/sharded-key-map-loader.js';
import { shardKeyMap } from '../offline/shard-key-map.js';
import type { KeyMapProvider } from '../loader/key-map-provider.js';
import { authorizerEvent, identityOf, recordingLogger } from '../testing/fixtures.js';
import { createAuthorizer } from './create-authorizer.js';

const GOLD_1 = 'sk_live_usage_gold_0001';
const GOLD_2 = 'sk_live_usage_gold_0002';
const BASIC = 'sk_live_usage_basic_0001';
const grant = { method: 'GET', path: '/resources/{id}' };
const document = {
  version: 2,
  plans: { read: [grant], gold: [] },
  keys: {
    [hashedKeyName(GOLD_1)]: { companyId: 42, userId: 1, plans: ['read', 'gold'] },
    [hashedKeyName(GOLD_2)]: { companyId: 43, userId: 2, plans: ['gold', 'read'] },
    [hashedKeyName(BASIC)]: { companyId: 44, userId: 3, plans: ['read'] },
  },
};
const perPlan: UsageIdentifiers = { mode: 'per-plan', namespace: 'tollgate-prod', usagePlans: ['default', 'gold'] };

const source = { description: 'memory', load: async () => document };
const allowOf = async (keyMaps: KeyMapProvider, key: string) => {
  const result = await createAuthorizer({ keyMaps, logger: recordingLogger() }).authorize(authorizerEvent({ headers: { 'X-Api-Key': key } }));
  expect(result.policyDocument.Statement[0]?.Effect).toBe('Allow');
  return result.usageIdentifierKey;
};

describe('usage identifiers', () => {
  it('per plan: the Allow carries the identifier of the key’s usage plan, shared by all keys of that plan', async () => {
    const loader = new CachingKeyMapLoader({ source, usageIdentifiers: perPlan, logger: recordingLogger() });
    const gold = usageIdentifierOfPlan('tollgate-prod', 'gold');
    expect(await allowOf(loader, GOLD_1)).toBe(gold);
    expect(await allowOf(loader, GOLD_2)).toBe(gold);
    expect(await allowOf(loader, BASIC)).toBe(usageIdentifierOfPlan('tollgate-prod', 'default'));
  });

  it('per plan, through a sharded loader: every shard compiles with the option', async () => {
    const shards = shardKeyMap(document, { shards: 2 });
    const loader = new ShardedKeyMapLoader({
      shardCount: 2,
      sourceFor: (index) => ({ description: `shard ${index}`, load: async () => shards[index]?.json }),
      usageIdentifiers: perPlan,
      logger: recordingLogger(),
    });
    for (const key of [GOLD_1, GOLD_2]) expect(await allowOf(loader, key)).toBe(usageIdentifierOfPlan('tollgate-prod', 'gold'));
  });

  it('per key by default: each key its own identifier, never the key; usage plan `default` without usage plans', async () => {
    const loader = new CachingKeyMapLoader({ source, logger: recordingLogger() });
    expect(await allowOf(loader, GOLD_1)).toBe(usageIdentifierOf(hashedKeyName(GOLD_1)));
    expect(await allowOf(loader, GOLD_2)).toBe(usageIdentifierOf(hashedKeyName(GOLD_2)));
    expect(await allowOf(loader, GOLD_1)).not.toContain(GOLD_1);
    expect(identityOf(await loader.keyMapFor(GOLD_1), GOLD_1)?.usagePlan).toBe('default');
  });

  it('names each key’s usage plan on its identity, per key and per plan alike', () => {
    for (const usageIdentifiers of [perPlan, { mode: 'per-key', usagePlans: ['default', 'gold'] } as const]) {
      const map = compileKeyMap(document, { usageIdentifiers });
      expect([GOLD_1, GOLD_2, BASIC].map((key) => identityOf(map, key)?.usagePlan)).toEqual(['gold', 'gold', 'default']);
    }
    const perKey = compileKeyMap(document, { usageIdentifiers: { mode: 'per-key', usagePlans: ['gold'] } });
    expect(identityOf(perKey, GOLD_1)?.usageIdentifierKey).toBe(usageIdentifierOf(GOLD_1));
  });
});
