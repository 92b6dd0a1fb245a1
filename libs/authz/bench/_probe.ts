import { compileKeyMap, decide, hashedKeyName, shardKeyMap, ShardedKeyMapLoader, type CompiledKeyMap, type Grant, type KeyEntryV2 } from '/work/main/libs/authz/src/index.js';
import { apiKeyOf, at, measure, random, randomGrants, report, requestsFor } from '/work/main/libs/authz/bench/workload.js';
const planGrants = Array.from({ length: 12 }, () => randomGrants(10));
const plans = Object.fromEntries(planGrants.map((g, i) => [`plan-${i}`, g]));
const keys = Array.from({ length: 10000 }, (_, i) => apiKeyOf(i));
const gk = new Map<string, readonly Grant[]>();
const entries: Record<string, KeyEntryV2> = {};
keys.forEach((key, i) => { const a = i % 12, b = (i * 7 + 1) % 12 === a ? (a + 1) % 12 : (i * 7 + 1) % 12; gk.set(key, [...planGrants[a]!, ...planGrants[b]!]); entries[hashedKeyName(key)] = { companyId: i, userId: i, plans: [`plan-${a}`, `plan-${b}`] }; });
const whole = { version: 2, plans, keys: entries };
const shards = shardKeyMap(whole, { shards: 64 });
const loader = new ShardedKeyMapLoader({ shardCount: 64, sourceFor: (i) => ({ description: '', load: async () => at(shards, i).json }), logger: { info() {}, warn() {}, error() {} } });
const maps: CompiledKeyMap[] = [];
for (const key of keys) maps[loader.shardOf(key)] ??= (await loader.keyMapFor(key))!;
const requests = requestsFor(keys, (k) => gk.get(k) ?? []);
const withShard = requests.map((r) => ({ ...r, shard: loader.shardOf(r.apiKey!) }));
const wholeMap = compileKeyMap(whole);
for (let round = 0; round < 2; round++) {
report('whole', measure((r) => decide(wholeMap, r).effect, requests));
report('shardOf only', measure((r) => (loader.shardOf(r.apiKey!) > 100 ? 'x' : 'yy'), requests));
report('decide on precomputed shard', measure((r) => decide(maps[(r as typeof withShard[0]).shard]!, r).effect, withShard));
report('shardOf + decide', measure((r) => decide(maps[loader.shardOf(r.apiKey!)]!, r).effect, requests));
}
