// A version-2 key map of 10,000 keys (plans worth 20 grants per key), split by the shard tool
// into Secrets Manager-sized shards:
//   - the shard tool's run and the shards' sizes;
//   - cold: a fresh process's first authorizer answer — load of one shard + first decision,
//     Secrets Manager call excluded (cold-shard-load.ts), and how many source loads it made;
//   - warm decisions on the loaded shards, against the naive baseline.
//   npx nx run authz:bench        (or: node --expose-gc --conditions=@tollgate/source --import tsx libs/authz/bench/sharded.bench.ts)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ShardedKeyMapLoader } from '../src/authorizer/index.js';
import { compileKeyMap, decide, hashedKeyName, type AuthorizationRequest, type CompiledKeyMap, type Grant } from '../src/index.js';
import type { KeyEntryV2, StoredGrant } from '../src/key-map/format.js';
import { shardKeyMap } from '../src/offline/index.js';
import { apiKeyOf, at, KEYS, machine, measure, naiveDecide, pick, random, randomGrants, report, requestsFor, verdict, warmUp } from './workload.js';

const PLANS = 12;
const GRANTS_PER_PLAN = 10;
const COLD_RUNS = 3;

console.log(`version-2 map: ${KEYS.toLocaleString('en-US')} keys, 2 plans of ${GRANTS_PER_PLAN} grants each per key, 10 % with 2 grants of their own (${machine()})`);

const planGrants = Array.from({ length: PLANS }, () => randomGrants(GRANTS_PER_PLAN));
const stored = (grants: readonly Grant[]): StoredGrant[] =>
  grants.map((g) => (g.queryParameters.length > 0 ? g : { method: g.method, path: g.path }));
const plans = Object.fromEntries(planGrants.map((grants, i) => [`plan-${i}`, stored(grants)]));
const keys = Array.from({ length: KEYS }, (_, i) => apiKeyOf(i));
const grantsByKey = new Map<string, readonly Grant[]>();
const entries: Record<string, KeyEntryV2> = {};
keys.forEach((key, i) => {
  const first = Math.floor(random() * PLANS);
  const second = (first + 1 + Math.floor(random() * (PLANS - 1))) % PLANS;
  const own = random() < 0.1 ? randomGrants(2) : [];
  grantsByKey.set(key, [...at(planGrants, first), ...at(planGrants, second), ...own]);
  entries[hashedKeyName(key)] = {
    companyId: 100_000 + i,
    userId: 1_000_000 + i,
    plans: [`plan-${first}`, `plan-${second}`],
    ...(own.length > 0 ? { grants: stored(own) } : {}),
  };
});
const whole = { version: 2, plans, keys: entries };

const toolStart = performance.now();
const shards = shardKeyMap(whole);
const toolMs = performance.now() - toolStart;
const sizes = shards.map((shard) => shard.bytes);
console.log(
  `shard tool: ${shards.length} shards in ${toolMs.toFixed(0)} ms; ${Math.min(...shards.map((s) => s.keys))}–${Math.max(...shards.map((s) => s.keys))} keys, ` +
    `${Math.min(...sizes).toLocaleString('en-US')}–${Math.max(...sizes).toLocaleString('en-US')} bytes per shard (whole map ${Buffer.byteLength(JSON.stringify(whole)).toLocaleString('en-US')} bytes)`,
);

// Cold: fresh processes, each answering one key's first request.
const dir = mkdtempSync(join(tmpdir(), 'authz-shards-'));
try {
  for (const shard of shards) writeFileSync(join(dir, `${shard.name}.json`), shard.json);
  const runs = Array.from({ length: COLD_RUNS }, () => {
    const child = spawnSync(
      process.execPath,
      ['--conditions=@tollgate/source', '--import', 'tsx', resolve(process.cwd(), 'libs/authz/bench/cold-shard-load.ts'), dir, String(shards.length), pick(keys)],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { firstDecisionMs: number; secondDecisionMs: number; loads: number };
  });
  const first = runs.map((run) => run.firstDecisionMs).sort((a, b) => a - b);
  console.log(
    `cold (fresh process, ${COLD_RUNS} runs): load of one shard + first decision ${first.map((ms) => ms.toFixed(1)).join(' / ')} ms ` +
      `(target < 50 ms); source loads per cold start: ${[...new Set(runs.map((run) => run.loads))].join('/')}; ` +
      `second decision ${runs.map((run) => (run.secondDecisionMs * 1000).toFixed(0)).join(' / ')} µs`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Whole 10,000-key version-2 document in one map (a file source), for comparison.
const wholeText = JSON.stringify(whole);
const wholeStart = performance.now();
const wholeMap = compileKeyMap(JSON.parse(wholeText));
console.log(`whole map in one document: JSON.parse + compileKeyMap ${(performance.now() - wholeStart).toFixed(1)} ms (${wholeMap.size} keys; entries validated on first use)`);

// Warm: every shard loaded; a request goes to its key's shard, then `decide`.
const loader = new ShardedKeyMapLoader({
  shardCount: shards.length,
  sourceFor: (index) => ({ description: `shard ${index}`, load: async () => at(shards, index).json }),
  logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
});
const maps: CompiledKeyMap[] = [];
for (const key of keys) {
  const shard = loader.shardOf(key);
  maps[shard] ??= (await loader.keyMapFor(key)) ?? compileKeyMap({ version: 2, plans: {}, keys: {} });
}
// Each request carries its key's shard map, so that `decide` alone is timed; the provider's
// shard pick (a Map read of the presented key, memoized sha256) is timed with it separately.
type ShardedRequest = AuthorizationRequest & { readonly shard: CompiledKeyMap };
// Built field by field, by one function for the timed requests and the warm-up's copies alike:
// objects made by spreading measured 2–3× slower to read in `decide`, and a warm-up on objects
// of another shape would have the decision path compiled for two.
const shardedRequest = (request: AuthorizationRequest, apiKey: string | undefined, shard: CompiledKeyMap): ShardedRequest => ({
  apiKey,
  method: request.method,
  path: request.path,
  queryParameterNames: request.queryParameterNames,
  shard,
});
const withKey = (request: ShardedRequest, apiKey: string | undefined) => shardedRequest(request, apiKey, request.shard);
const requests: ShardedRequest[] = requestsFor(keys, (key) => grantsByKey.get(key) ?? []).map((request) =>
  shardedRequest(request, request.apiKey, at(maps, loader.shardOf(request.apiKey ?? ''))),
);
const onShardPath = (request: ShardedRequest) => decide(request.shard, request).effect;
// The shard's map by index, read as the loader reads its shards' loaders: a function of its own,
// as `at` serves every array of the bench and its megamorphic read is no part of a shard pick.
const mapOfShard = (shard: number): CompiledKeyMap => {
  const map = maps[shard];
  if (map === undefined) throw new RangeError(`shard ${shard} not loaded`);
  return map;
};
const pickPath = (request: AuthorizationRequest) => decide(mapOfShard(loader.shardOf(request.apiKey ?? '')), request).effect;
const wholePath = (request: AuthorizationRequest) => decide(wholeMap, request).effect;
const naivePath = (request: AuthorizationRequest) => naiveDecide(grantsByKey, request);
for (const path of [onShardPath, pickPath, wholePath, naivePath]) warmUp(path, requests, withKey);
const onShard = measure(onShardPath, requests, withKey);
report('decide on the key’s shard', onShard);
const picked = measure(pickPath, requests, withKey);
report('shard pick + decide', picked);
const single = measure(wholePath, requests, withKey);
report('decide, whole v2 map in one document', single);
const naive = measure(naivePath, requests, withKey);
report('naive (regex per grant per request)', naive);
console.log(`decide on the key’s shard: ${verdict(onShard, naive)}`);
console.log(`shard pick + decide:       ${verdict(picked, naive)}`);
console.log(`whole v2 map:              ${verdict(single, naive)}`);
