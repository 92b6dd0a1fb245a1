// Run by sharded.bench.ts in a fresh process (cold JIT, as in a new Lambda instance):
//   <shard dir> <shard count> <api key>
// Times the authorizer's first answer for the key: loading its
// shard (source returns the stored JSON text at once: the Secrets Manager call is excluded),
// validating the envelope and plans, compiling the plans, then the decision and the policy.
// Prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = '', countText = '', apiKey = ''] = process.argv.slice(2);
const texts = new Map<number, string>();
const authz = await import('../src/authorizer/index.js');
const { shardName } = await import('../src/offline/index.js');
const count = Number(countText);
for (let index = 0; index < count; index++) texts.set(index, readFileSync(join(dir, `${shardName(index)}.json`), 'utf8'));

let loads = 0;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const authorizer = authz.createAuthorizer({
  keyMaps: new authz.ShardedKeyMapLoader({
    shardCount: count,
    sourceFor: (index) => ({ description: `shard ${index}`, load: async () => (loads++, texts.get(index)) }),
    logger: silent,
  }),
  logger: silent,
});
const event = {
  methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:api/prod/GET/health',
  httpMethod: 'GET',
  path: '/health',
  headers: { 'X-Api-Key': apiKey },
};
const start = performance.now();
const result = await authorizer.authorize(event);
const firstDecisionMs = performance.now() - start;
const secondStart = performance.now();
await authorizer.authorize(event);
const secondDecisionMs = performance.now() - secondStart;
console.log(JSON.stringify({ firstDecisionMs, secondDecisionMs, loads, principalId: result.principalId }));
