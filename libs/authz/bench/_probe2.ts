import { CompiledKeyMap, decide, hashedKeyName, parseKeyMap, type Grant } from '../src/index.js';
import { apiKeyOf, measure, randomGrants, report, requestsFor } from './workload.js';
function build(hashed: boolean) {
  const keys = Array.from({ length: 10000 }, (_, i) => apiKeyOf(i));
  const raw: Record<string, unknown> = {}; const g = new Map<string, Grant[]>();
  keys.forEach((k, i) => { const e = { companyId: i, userId: i, authorizedRequests: randomGrants(20) }; raw[hashed ? hashedKeyName(k) : k] = e; g.set(k, e.authorizedRequests); });
  return { map: new CompiledKeyMap(parseKeyMap(raw)), requests: requestsFor(keys, (k) => g.get(k) ?? []) };
}
const order = (process.env['ORDER'] ?? 'hp').split('');
const w = Object.fromEntries(order.map((o) => [o, build(o === 'h')]));
for (const o of [...order, ...order]) report(o === 'h' ? 'sha256' : 'plaintext', measure((r) => decide(w[o]!.map, r).effect, w[o]!.requests));
