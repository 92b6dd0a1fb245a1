// How many keys fit in one Secrets Manager secret (65,536 bytes) in DESIGN.md's format,
// stored as sha256 entries, minified JSON, for a few typical grant shapes.
//   npx tsx libs/authz/bench/capacity.ts
import { hashedKeyName, parseKeyMap, type Grant } from '../src/index.js';

const SECRET_LIMIT = 65_536;
const TEMPLATES = ['/resources', '/resources/{id}', '/resources/{id}/items', '/analytics/{reportId}', '/orders/{orderId}/lines/{lineId}'];

function grants(count: number, queryParameters: string[]): Grant[] {
  return Array.from({ length: count }, (_, i) => ({
    method: i % 2 === 0 ? 'GET' : 'POST',
    path: `${TEMPLATES[i % TEMPLATES.length] ?? '/'}${i >= TEMPLATES.length ? `/v${Math.floor(i / TEMPLATES.length)}` : ''}`,
    queryParameters,
  }));
}

const shapes: Array<[string, Grant[]]> = [
  ['2 grants, no query parameters', grants(2, [])],
  ['5 grants, 2 query parameters each', grants(5, ['limit', 'cursor'])],
  ['20 grants, 2 query parameters each', grants(20, ['limit', 'cursor'])],
];

console.log('| key shape (sha256-stored, minified JSON) | bytes per key | keys per 64 KB secret |');
console.log('|---|---|---|');
for (const [label, shape] of shapes) {
  const map: Record<string, unknown> = {};
  let keys = 0;
  for (;;) {
    map[hashedKeyName(`sk_live_${keys}`)] = { companyId: 100_000 + keys, userId: 1_000_000 + keys, authorizedRequests: shape.map((g) => (g.queryParameters.length > 0 ? g : { method: g.method, path: g.path })) };
    if (Buffer.byteLength(JSON.stringify(map)) > SECRET_LIMIT) break;
    keys++;
  }
  delete map[hashedKeyName(`sk_live_${keys}`)];
  parseKeyMap(map);
  const bytes = Buffer.byteLength(JSON.stringify(map));
  console.log(`| ${label} | ${Math.round(bytes / keys)} | ${keys} |`);
}
