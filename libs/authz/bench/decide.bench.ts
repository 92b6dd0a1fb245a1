// Warm authorization decisions for 10,000 keys × 20 grants in the version-1 format:
// @tollgate/authz's `decide` against a naive implementation that scans a key's grants and
// builds a RegExp per grant per request. See workload.ts for how it measures.
//   npx nx run authz:bench        (or: node --expose-gc --conditions=@tollgate/source --import tsx libs/authz/bench/decide.bench.ts)
import { compileKeyMap, decide, hashedKeyName, type AuthorizationRequest, type Grant } from '../src/index.js';
import { apiKeyOf, GRANTS_PER_KEY, KEYS, machine, measure, naiveDecide, randomGrants, report, requestsFor, verdict, warmUp } from './workload.js';

function buildWorkload(hashed: boolean) {
  const keys = Array.from({ length: KEYS }, (_, i) => apiKeyOf(i));
  const raw: Record<string, { companyId: number; userId: number; authorizedRequests: Grant[] }> = {};
  const grantsByKey = new Map<string, readonly Grant[]>();
  keys.forEach((key, i) => {
    const entry = { companyId: i + 1, userId: i % 97, authorizedRequests: randomGrants(GRANTS_PER_KEY) };
    raw[hashed ? hashedKeyName(key) : key] = entry;
    grantsByKey.set(key, entry.authorizedRequests);
  });
  return { raw, requests: requestsFor(keys, (key) => grantsByKey.get(key) ?? []), grantsByKey };
}

console.log(`version-1 map: ${KEYS.toLocaleString('en-US')} keys × ${GRANTS_PER_KEY} grants (${machine()})`);
const plain = buildWorkload(false);
const loadStart = performance.now();
const compiled = compileKeyMap(plain.raw);
console.log(`load: compileKeyMap ${(performance.now() - loadStart).toFixed(0)} ms (validation of every entry; grants compile lazily, on a key's first use)`);

const hashedWorkload = buildWorkload(true);
const hashedMap = compileKeyMap(hashedWorkload.raw);
const decidePlain = (request: AuthorizationRequest) => decide(compiled, request).effect;
const decideHashed = (request: AuthorizationRequest) => decide(hashedMap, request).effect;
const decideNaive = (request: AuthorizationRequest) => naiveDecide(plain.grantsByKey, request);
warmUp(decidePlain, plain.requests);
warmUp(decideHashed, hashedWorkload.requests);
warmUp(decideNaive, plain.requests);

const ours = measure(decidePlain, plain.requests);
report('decide, plaintext keys', ours);

const hashed = measure(decideHashed, hashedWorkload.requests);
report('decide, sha256 keys', hashed);

const naive = measure(decideNaive, plain.requests);
report('naive (regex per grant per request)', naive);
console.log(`plaintext: ${verdict(ours, naive)}`);
console.log(`sha256:    ${verdict(hashed, naive)}`);
