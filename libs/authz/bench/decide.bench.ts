// Warm authorization decisions for 10,000 keys × 20 grants: @tollgate/authz's `decide` against
// a naive implementation that scans a key's grants and builds a RegExp per grant per request.
//   npx nx run authz:bench        (or: npx tsx libs/authz/bench/decide.bench.ts)
//
// How it measures: one decision takes ~100 ns, below what a single timer read resolves well
// (process.hrtime.bigint() costs ~40–80 ns itself). So decisions are timed in batches of
// BATCH consecutive requests (random keys, random paths), and each batch's time / BATCH is
// one sample; p50/p99 are over those samples. A batch mean hides single slow decisions, so
// the p99 of single, individually timed decisions (timer overhead included) is printed too.
import { CompiledKeyMap, decide, hashedKeyName, parseKeyMap, type AuthorizationRequest, type Grant } from '../src/index.js';

const KEYS = Number(process.env['BENCH_KEYS'] ?? 10_000);
const GRANTS_PER_KEY = 20;
const BATCH = 100;
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 3_000);

// A deterministic PRNG, so every run measures the same workload.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
/** items[index], for indexes the bench computes itself. */
function at<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range`);
  return item;
}
const pick = <T>(items: readonly T[]): T => at(items, Math.floor(random() * items.length));

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const QUERY_NAMES = ['limit', 'cursor', 'sort', 'filter', 'fields', 'expand'];
const TEMPLATES = [
  '/resources', '/resources/{id}', '/resources/{id}/items', '/resources/{id}/items/{itemId}',
  '/resources/{id}/history', '/analytics/{reportId}', '/analytics/{reportId}/rows', '/analytics/summary',
  '/companies/{companyId}', '/companies/{companyId}/users', '/companies/{companyId}/users/{userId}',
  '/orders', '/orders/{orderId}', '/orders/{orderId}/lines', '/orders/{orderId}/lines/{lineId}',
  '/invoices/{invoiceId}.pdf', '/search', '/health', '/v2/resources/{id}', '/exports/{exportId}/files/{fileId}',
];

function grantsForKey(): Grant[] {
  const grants = new Map<string, Grant>();
  while (grants.size < GRANTS_PER_KEY) {
    const grant: Grant = {
      method: pick(METHODS),
      path: pick(TEMPLATES).replace('{invoiceId}.pdf', '{invoiceId}'),
      queryParameters: QUERY_NAMES.filter(() => random() < 0.3),
    };
    grants.set(`${grant.method} ${grant.path}`, grant);
  }
  return [...grants.values()];
}

function buildWorkload(hashed: boolean) {
  const keys = Array.from({ length: KEYS }, (_, i) => `sk_live_${i.toString(36).padStart(8, '0')}_${'x'.repeat(16)}`);
  const raw: Record<string, { companyId: number; userId: number; authorizedRequests: Grant[] }> = {};
  const entries = new Map<string, { authorizedRequests: Grant[] }>();
  keys.forEach((key, i) => {
    const entry = { companyId: i, userId: i % 97, authorizedRequests: grantsForKey() };
    raw[hashed ? hashedKeyName(key) : key] = entry;
    entries.set(key, entry);
  });
  const parseStart = performance.now();
  const parsed = parseKeyMap(raw);
  const parseMs = performance.now() - parseStart;
  // 80 % aimed at one of the key's grants (mostly allowed), 20 % anything (mostly denied).
  const requests: AuthorizationRequest[] = Array.from({ length: 50_000 }, () => {
    const apiKey = pick(keys);
    const grant = random() < 0.8 ? pick(entries.get(apiKey)?.authorizedRequests ?? []) : undefined;
    const path = (grant?.path ?? pick(TEMPLATES)).replace(/\{\w+\}/g, () => String(Math.floor(random() * 1e6)));
    const query = grant ? grant.queryParameters.filter(() => random() < 0.5) : QUERY_NAMES.filter(() => random() < 0.2);
    // A fresh string, as a header value is: equal to the stored key, never the same object.
    return { apiKey: Buffer.from(apiKey).toString(), method: grant?.method ?? pick(METHODS), path, queryParameterNames: query };
  });
  return { parsed, parseMs, requests, naiveMap: entries };
}

/** The naive authorizer the issue measures against: scan grants, build each RegExp per request. */
function naiveDecide(keyMap: Map<string, { authorizedRequests: Grant[] }>, request: AuthorizationRequest): string {
  const entry = request.apiKey === undefined ? undefined : keyMap.get(request.apiKey);
  if (entry === undefined) return 'Unknown';
  for (const grant of entry.authorizedRequests) {
    const escaped = grant.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/]+\}/g, '[^/]+');
    if (
      grant.method === request.method &&
      new RegExp(`^${escaped}$`).test(request.path) &&
      request.queryParameterNames.every((name) => grant.queryParameters.includes(name))
    ) {
      return 'Allow';
    }
  }
  return 'Deny';
}

function percentile(sorted: Float64Array, p: number): number {
  return at(sorted, Math.min(sorted.length - 1, Math.floor(p * sorted.length)));
}

interface Result {
  p50: number;
  p99: number;
  single99: number;
  perSecond: number;
}

function measure(decideOne: (request: AuthorizationRequest) => string, requests: AuthorizationRequest[]): Result {
  let sink = 0;
  // Warm-up (every key compiled, JIT settled) in shuffled order and with copies of the key
  // strings: what the warm-up lays out in memory (compiled grants, remembered hashed keys) must
  // not line up with the measured order, and a warm lookup must never meet the very string
  // object it stored — a fresh header value would not.
  const shuffled = [...requests];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [at(shuffled, j), at(shuffled, i)];
  }
  for (const request of shuffled) {
    sink += decideOne({ ...request, apiKey: request.apiKey && Buffer.from(request.apiKey).toString() }).length;
  }
  const batches = new Float64Array(SAMPLES);
  let cursor = 0;
  for (let s = 0; s < SAMPLES; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) sink += decideOne(at(requests, (cursor + i) % requests.length)).length;
    batches[s] = Number(process.hrtime.bigint() - start) / BATCH;
    cursor = (cursor + BATCH) % requests.length;
  }
  const singles = new Float64Array(Math.min(SAMPLES * 10, 30_000));
  for (let s = 0; s < singles.length; s++) {
    const request = at(requests, (cursor + s) % requests.length);
    const start = process.hrtime.bigint();
    sink += decideOne(request).length;
    singles[s] = Number(process.hrtime.bigint() - start);
  }
  if (sink === 0) throw new Error('unreachable: keeps the work observable');
  batches.sort();
  singles.sort();
  const mean = batches.reduce((a, b) => a + b, 0) / batches.length;
  return { p50: percentile(batches, 0.5), p99: percentile(batches, 0.99), single99: percentile(singles, 0.99), perSecond: 1e9 / mean };
}

const ns = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} µs` : `${value.toFixed(0)} ns`);

function report(label: string, result: Result) {
  console.log(
    `${label.padEnd(34)} p50 ${ns(result.p50).padStart(9)}  p99 ${ns(result.p99).padStart(9)}  ` +
      `p99(single) ${ns(result.single99).padStart(9)}  ${Math.round(result.perSecond).toLocaleString('en-US')} decisions/s`,
  );
}

console.log(`${KEYS.toLocaleString('en-US')} keys × ${GRANTS_PER_KEY} grants, ${SAMPLES} samples of ${BATCH} decisions (Node ${process.version})`);
const plain = buildWorkload(false);
const loadStart = performance.now();
const compiled = new CompiledKeyMap(plain.parsed);
console.log(
  `load: parseKeyMap (validation) ${plain.parseMs.toFixed(0)} ms, CompiledKeyMap ${(performance.now() - loadStart).toFixed(1)} ms ` +
    `(grants compile lazily, on a key's first use)`,
);

const ours = measure((request) => decide(compiled, request).effect, plain.requests);
report('@tollgate/authz decide', ours);

const hashedWorkload = buildWorkload(true);
const hashedMap = new CompiledKeyMap(hashedWorkload.parsed);
const hashed = measure((request) => decide(hashedMap, request).effect, hashedWorkload.requests);
report('@tollgate/authz decide, sha256 keys', hashed);

const naive = measure((request) => naiveDecide(plain.naiveMap, request), plain.requests);
report('naive (regex per grant per request)', naive);

console.log(`speed-up (p50): ${(naive.p50 / ours.p50).toFixed(1)}× plaintext, ${(naive.p50 / hashed.p50).toFixed(1)}× sha256-stored`);
const met = ours.p50 <= 200 && ours.p99 < 2000 && naive.p50 / ours.p50 >= 20;
console.log(`targets (p50 ≤ 200 ns, p99 < 2 µs, ≥ 20× naive): ${met ? 'met' : 'NOT met'}`);
