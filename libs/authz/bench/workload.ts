// What the benchmarks share: a deterministic workload of keys, grants and requests, the naive
// baseline the issue measures against, and the batch timing.
//
// How decisions are timed: one takes ~100 ns, below what a single timer read resolves well
// (process.hrtime.bigint() costs ~40–80 ns itself). So decisions are timed in batches of
// BATCH consecutive requests (random keys, random paths), and each batch's time / BATCH is
// one sample; p50/p99 are over those samples. A batch mean hides single slow decisions, so
// the p99 of single, individually timed decisions (timer overhead included) is printed too.
import { loadavg } from 'node:os';
import type { AuthorizationRequest, Grant } from '../src/index.js';

export const KEYS = Number(process.env['BENCH_KEYS'] ?? 10_000);
export const GRANTS_PER_KEY = 20;
const BATCH = 100;
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 3_000);

// A deterministic PRNG, so every run measures the same workload.
let seed = 42;
export const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
/** items[index], for indexes the bench computes itself. */
export function at<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range`);
  return item;
}
export const pick = <T>(items: readonly T[]): T => at(items, Math.floor(random() * items.length));

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const QUERY_NAMES = ['limit', 'cursor', 'sort', 'filter', 'fields', 'expand'];
const TEMPLATES = [
  '/resources', '/resources/{id}', '/resources/{id}/items', '/resources/{id}/items/{itemId}',
  '/resources/{id}/history', '/analytics/{reportId}', '/analytics/{reportId}/rows', '/analytics/summary',
  '/companies/{companyId}', '/companies/{companyId}/users', '/companies/{companyId}/users/{userId}',
  '/orders', '/orders/{orderId}', '/orders/{orderId}/lines', '/orders/{orderId}/lines/{lineId}',
  '/invoices/{invoiceId}', '/search', '/health', '/v2/resources/{id}', '/exports/{exportId}/files/{fileId}',
];

/** `count` distinct grants (method + template), each allowing ~30 % of the query names. */
export function randomGrants(count: number): Grant[] {
  const grants = new Map<string, Grant>();
  while (grants.size < count) {
    const grant: Grant = { method: pick(METHODS), path: pick(TEMPLATES), queryParameters: QUERY_NAMES.filter(() => random() < 0.3) };
    grants.set(`${grant.method} ${grant.path}`, grant);
  }
  return [...grants.values()];
}

/**
 * A key as a client sends it (~34 characters), as a flat string like a header value parsed from
 * the event's JSON. (A template literal makes a rope — a concatenation V8 compares part by part —
 * and a memo holding ropes would time the bench's own strings, not lookups.)
 */
export const apiKeyOf = (i: number) => Buffer.from(`sk_live_${i.toString(36).padStart(8, '0')}_${'x'.repeat(16)}`).toString();

/**
 * 50,000 requests over `keys`: 80 % aimed at one of the key's grants (mostly allowed), 20 %
 * anything (mostly denied). Key strings are fresh copies, as a header value would be.
 */
export function requestsFor(keys: readonly string[], grantsOf: (key: string) => readonly Grant[]): AuthorizationRequest[] {
  return Array.from({ length: 50_000 }, () => {
    const apiKey = pick(keys);
    const grant = random() < 0.8 ? pick(grantsOf(apiKey)) : undefined;
    const path = (grant?.path ?? pick(TEMPLATES)).replace(/\{\w+\}/g, () => String(Math.floor(random() * 1e6)));
    const query = grant ? grant.queryParameters.filter(() => random() < 0.5) : QUERY_NAMES.filter(() => random() < 0.2);
    return { apiKey: Buffer.from(apiKey).toString(), method: grant?.method ?? pick(METHODS), path, queryParameterNames: query };
  });
}

/** The naive authorizer the issue measures against: scan grants, build each RegExp per request. */
export function naiveDecide(keyMap: ReadonlyMap<string, readonly Grant[]>, request: AuthorizationRequest): string {
  const grants = request.apiKey === undefined ? undefined : keyMap.get(request.apiKey);
  if (grants === undefined) return 'Unknown';
  for (const grant of grants) {
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

export interface Result {
  p50: number;
  p99: number;
  single99: number;
  perSecond: number;
}

/**
 * `requests[index]` for the timed loops: a function of its own, so its read only ever sees
 * request arrays and stays a plain indexed load once inlined. (`at` serves every array the
 * benches index — strings, grants, Float64Arrays — and its megamorphic read cost ~10 ns per
 * decision, a twentieth of a warm decision, in the timed loop.)
 */
function requestAt<R extends AuthorizationRequest>(requests: readonly R[], index: number): R {
  const request = requests[index];
  if (request === undefined) throw new RangeError(`index ${index} out of range`);
  return request;
}

function percentile(sorted: Float64Array, p: number): number {
  return at(sorted, Math.min(sorted.length - 1, Math.floor(p * sorted.length)));
}

/**
 * A copy of a request with another key string, built as `requestsFor` builds requests: an object
 * of the same shape, so that the warm-up feeds the JIT the objects the timed loop reads. (A
 * spread copy has another hidden class once a request has more fields than the literal it was
 * spread from reserved: the decision path would then be compiled for two shapes.)
 */
export function requestWithKey(request: AuthorizationRequest, apiKey: string | undefined): AuthorizationRequest {
  return { apiKey, method: request.method, path: request.path, queryParameterNames: request.queryParameterNames };
}

/**
 * Runs every request once, untimed, in shuffled order and with copies of the key strings:
 * what the warm-up lays out in memory (compiled grants, remembered keys) must not line up with
 * the measured order, and a warm lookup must never meet the very string object it stored — a
 * fresh header value would not. The benches warm every path up before timing any, so that no
 * path is timed while the JIT still learns the others.
 */
export function warmUp<R extends AuthorizationRequest>(
  decideOne: (request: R) => string,
  requests: readonly R[],
  /** How to copy a request with another key; requests with fields of their own must say (default: `requestWithKey`). */
  withKey?: (request: R, apiKey: string | undefined) => R,
): number {
  const copy = withKey ?? (requestWithKey as unknown as (request: R, apiKey: string | undefined) => R);
  let sink = 0;
  const shuffled = [...requests];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [at(shuffled, j), at(shuffled, i)];
  }
  for (const request of shuffled) {
    sink += decideOne(copy(request, request.apiKey && Buffer.from(request.apiKey).toString())).length;
  }
  return sink;
}

/**
 * Runs decisions, untimed, until the process stops working beside them. `gc()` returns with
 * the heap marked, but V8 sweeps it on background threads for the next ~10 ms (measured: 15 ms
 * of CPU in the first 11 ms of wall time after a gc() of a large heap); on 2 cores that work
 * preempts the timed loop, so the first samples would time the setup's garbage after all.
 * Settled: a 5 ms window in which the process used no more CPU than the wall time (or 200 ms).
 */
function settle<R extends AuthorizationRequest>(decideOne: (request: R) => string, requests: readonly R[]): number {
  let sink = 0;
  let cursor = 0;
  for (let window = 0; window < 40; window++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    while (process.hrtime.bigint() - start < 5_000_000n) {
      for (let i = 0; i < 10; i++, cursor = (cursor + 1) % requests.length) sink += decideOne(at(requests, cursor)).length;
    }
    const used = process.cpuUsage(cpu);
    const wallUs = Number(process.hrtime.bigint() - start) / 1000;
    if (used.user + used.system <= wallUs * 1.05) break;
  }
  return sink;
}

export function measure<R extends AuthorizationRequest>(
  decideOne: (request: R) => string,
  requests: readonly R[],
  withKey?: (request: R, apiKey: string | undefined) => R,
): Result {
  let sink = 0;
  sink += warmUp(decideOne, requests, withKey);
  // Start from a collected heap (the bench runs with --expose-gc): the setup's garbage (shard
  // tool, whole-map parse) must not be marked and swept during the timed samples.
  (globalThis as { gc?: () => void }).gc?.();
  sink += settle(decideOne, requests);
  const batches = new Float64Array(SAMPLES);
  // The timed loop holds only the decisions: no division, and a read of its own (see requestAt).
  if (requests.length % BATCH !== 0) throw new RangeError(`the requests must fill whole batches of ${BATCH}`);
  let cursor = 0;
  for (let s = 0; s < SAMPLES; s++) {
    const end = cursor + BATCH;
    const start = process.hrtime.bigint();
    for (let i = cursor; i < end; i++) sink += decideOne(requestAt(requests, i)).length;
    batches[s] = Number(process.hrtime.bigint() - start) / BATCH;
    cursor = end === requests.length ? 0 : end;
  }
  const singles = new Float64Array(Math.min(SAMPLES * 10, 30_000));
  for (let s = 0; s < singles.length; s++) {
    const request = requestAt(requests, (cursor + s) % requests.length);
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

export function report(label: string, result: Result): void {
  console.log(
    `${label.padEnd(40)} p50 ${ns(result.p50).padStart(9)}  p99 ${ns(result.p99).padStart(9)}  ` +
      `p99(single) ${ns(result.single99).padStart(9)}  ${Math.round(result.perSecond).toLocaleString('en-US')} decisions/s`,
  );
}

export function verdict(ours: Result, naive: Result): string {
  const met = ours.p50 <= 200 && ours.p99 < 2000 && naive.p50 / ours.p50 >= 20;
  return `${(naive.p50 / ours.p50).toFixed(1)}× naive; targets (p50 ≤ 200 ns, p99 < 2 µs, ≥ 20× naive) ${met ? 'met' : 'NOT met'}`;
}

/** The machine's state, printed with every run: 2 shared cores under other work skew numbers. */
export function machine(): string {
  const [one, five] = loadavg();
  return `Node ${process.version}, load average ${one?.toFixed(2)} (1 min) ${five?.toFixed(2)} (5 min)`;
}
