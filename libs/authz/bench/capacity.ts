// How many keys fit in one Secrets Manager secret (65,536 bytes), and how many shards the shard
// tool writes for 10,000 keys, for typical key shapes — version 2 (plans) and the version-1 format.
// Keys stored as sha256, minified JSON, numeric companyId (6 digits) and userId (7 digits).
//   node --conditions=@tollgate/source --import tsx libs/authz/bench/capacity.ts
import type { StoredGrant } from '../src/key-map/format.js';
import { hashedKeyName } from '../src/index.js';
import { DEFAULT_MAX_SHARD_BYTES, shardKeyMap } from '../src/offline/index.js';

const KEYS = 10_000;
const TEMPLATES = ['/resources', '/resources/{id}', '/resources/{id}/items', '/analytics/{reportId}', '/orders/{orderId}/lines/{lineId}'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/** `count` grants, every other one with 2 query parameters. */
function grants(count: number, offset = 0): StoredGrant[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const grant = { method: METHODS[i % 4] ?? 'GET', path: `${TEMPLATES[i % TEMPLATES.length] ?? '/'}/v${Math.floor(i / TEMPLATES.length)}` };
    return i % 2 === 0 ? { ...grant, queryParameters: ['limit', 'cursor'] } : grant;
  });
}

// 10 plans of 4 grants: "20 grants' worth" is 5 plans per key.
const plans = Object.fromEntries(Array.from({ length: 10 }, (_, p) => [`plan-${p}`, grants(4, p * 4)]));

function version2(plansPerKey: number, ownGrants: number) {
  const keys = Object.fromEntries(
    Array.from({ length: KEYS }, (_, i) => [
      hashedKeyName(`sk_live_${i}`),
      {
        companyId: 100_000 + (i % 5000),
        userId: 1_000_000 + i,
        plans: Array.from({ length: plansPerKey }, (_, p) => `plan-${(i + p) % 10}`),
        ...(ownGrants > 0 ? { grants: grants(ownGrants, 100 + (i % 50)) } : {}),
      },
    ]),
  );
  return { version: 2, plans, keys };
}

function version1(grantCount: number) {
  return Object.fromEntries(
    Array.from({ length: KEYS }, (_, i) => [hashedKeyName(`sk_live_${i}`), { companyId: 100_000 + (i % 5000), userId: 1_000_000 + i, authorizedRequests: grants(grantCount, i % 50) }]),
  );
}

const shapes: Array<[string, object]> = [
  ['v2: 1 plan', version2(1, 0)],
  ['v2: 2 plans', version2(2, 0)],
  ['v2: 5 plans (20 grants)', version2(5, 0)],
  ['v2: 1 plan + 2 own grants', version2(1, 2)],
  ['v2: 2 plans + 2 own grants', version2(2, 2)],
  ['v2: 5 plans + 2 own grants', version2(5, 2)],
];

console.log(`| key shape (${KEYS.toLocaleString('en-US')} keys) | bytes per key | keys per ${DEFAULT_MAX_SHARD_BYTES.toLocaleString('en-US')}-byte shard | shards for ${KEYS.toLocaleString('en-US')} keys |`);
console.log('|---|---|---|---|');
for (const [label, document] of shapes) {
  const shards = shardKeyMap(document);
  const bytes = shards.reduce((sum, shard) => sum + shard.bytes, 0);
  // What one shard spends on its envelope and plans, measured on a shard without keys.
  const overhead = Buffer.byteLength(JSON.stringify({ ...shards[0]?.document, keys: {} }));
  const perKey = (bytes - overhead * shards.length) / KEYS;
  console.log(`| ${label} | ${Math.round(perKey)} | ${Math.floor((DEFAULT_MAX_SHARD_BYTES - overhead) / perKey)} | ${shards.length} |`);
}
// For comparison, the version-1 format as stored (every key carries its grants; not sharded).
for (const count of [5, 20]) {
  const perKey = Buffer.byteLength(JSON.stringify(version1(count))) / KEYS;
  console.log(`| version 1, ${count} grants per key | ${Math.round(perKey)} | ${Math.floor(DEFAULT_MAX_SHARD_BYTES / perKey)} | (the shard tool writes version 2) |`);
}
