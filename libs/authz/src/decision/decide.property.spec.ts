import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { GRANT_METHODS, type Grant } from '../grants/grant.js';
import { compileKeyMap } from '../key-map/compile-key-map.js';
import { ShardedKeyMapLoader } from '../loader/sharded-key-map-loader.js';
import { shardKeyMap } from '../offline/shard-key-map.js';
import { decide, type AuthorizationRequest } from './decide.js';

/**
 * The rule, written as plainly as possible and independently of the implementation: scan
 * every stored entry, build each grant's regular expression on the spot, check query names.
 */
function referenceDecision(
  stored: ReadonlyArray<{ name: string; grants: ReadonlyArray<{ method: string; path: string; queryParameters: readonly string[] }> }>,
  request: AuthorizationRequest,
): 'Allow' | 'Deny' | 'Unknown' {
  const key = request.apiKey;
  if (key === undefined || key === '' || key.startsWith('sha256:')) return 'Unknown';
  const hashed = `sha256:${createHash('sha256').update(key).digest('hex')}`;
  const entry = stored.find((candidate) => candidate.name === key || candidate.name === hashed);
  if (entry === undefined) return 'Unknown';
  const granted = entry.grants.some((grant) => {
    const pattern = grant.path
      .split('/')
      .map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return (
      grant.method === request.method &&
      new RegExp(`^${pattern}$`).test(request.path) &&
      request.queryParameterNames.every((name) => grant.queryParameters.includes(name))
    );
  });
  return granted ? 'Allow' : 'Deny';
}

const trickySegment = fc.constantFrom('resources', 'a', '..', '.', '%2F', '%2f..', 'a.b', '(x)', '[y]', '*', '.+', '?', '^', '$', '|', '\\d', 'é', 'e\u0301', '☕', '𝕏', 'x y', '');
const literalSegment = fc.oneof(trickySegment, fc.string({ unit: 'grapheme', maxLength: 4 }).filter((s) => !/[/{}]/.test(s)));
const templateSegment = fc.oneof({ weight: 3, arbitrary: literalSegment }, { weight: 1, arbitrary: fc.constantFrom('{id}', '{name}') });
const template = fc.array(templateSegment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
const queryNamePool = ['limit', 'cursor', 'q', '__proto__', 'constructor', 'a.b', 'é'];
const grantArb = fc.record({
  method: fc.constantFrom(...GRANT_METHODS),
  path: template,
  queryParameters: fc.subarray(queryNamePool),
});
const plainKey = fc
  .stringMatching(/^[\x21-\x7e]{1,24}$/)
  .filter((k) => !k.startsWith('sha256:') && !(k in Object.prototype) && k !== '__proto__' && k !== 'prototype');
const PLAN_COUNT = 3;
const storedKey = fc.record({
  key: plainKey,
  hashed: fc.boolean(),
  grants: fc.array(grantArb, { maxLength: 4 }),
  plans: fc.subarray([0, 1, 2]),
  status: fc.constantFrom('active', 'active', 'active', 'active', 'active', 'active', 'disabled', 'expired'),
});
const keyMapArb = fc.record({
  plans: fc.array(fc.array(grantArb, { maxLength: 4 }), { minLength: PLAN_COUNT, maxLength: PLAN_COUNT }),
  keys: fc.uniqueArray(storedKey, { selector: (k) => k.key, minLength: 1, maxLength: 5 }),
  shards: fc.integer({ min: 1, max: 4 }),
});
type Scenario = { plans: Grant[][]; keys: Array<{ key: string; hashed: boolean; grants: Grant[]; plans: number[]; status: string }> };
/** Every grant a key has: its plans' and its own. */
const allGrants = (scenario: Scenario, key: Scenario['keys'][number]) => [...key.plans.flatMap((plan) => scenario.plans[plan] ?? []), ...key.grants];

/** A path aimed at a template: parameters filled with tricky values, often bent at either end. */
function pathNear(templatePath: string) {
  return fc
    .tuple(
      fc.array(fc.oneof(trickySegment, fc.constantFrom('1', 'a/b', '..', '%2F')), { minLength: 4, maxLength: 4 }),
      fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', '/..', '?', '.') }),
      fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//') }),
    )
    .map(([values, suffix, prefix]) => {
      let i = 0;
      const filled = templatePath.replace(/\{\w+\}/g, () => values[i++ % values.length] ?? 'x');
      return prefix + filled + suffix;
    });
}

const adversarialKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', undefined),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const anyMethod = fc.oneof(fc.constantFrom(...GRANT_METHODS), fc.constantFrom('get', 'ANY', '__proto__', ''));
const anyQueryNames = fc.subarray([...queryNamePool, 'debug', 'toString']);

const scenario = keyMapArb.chain((map) => {
  const known = map.keys.map((k) => k.key);
  const hashedForms = known.map((k) => `sha256:${createHash('sha256').update(k).digest('hex')}`);
  const pairs = map.keys.flatMap((k) => allGrants(map, k).map((grant) => ({ key: k.key, grant })));
  // Aimed at one grant of one key, each part kept or perturbed, so Allow and near-miss Deny both occur.
  const aimed = pairs.length === 0 ? [] : [
    fc.constantFrom(...pairs).chain(({ key, grant }) =>
      fc.record({
        apiKey: fc.oneof({ weight: 5, arbitrary: fc.constant<string | undefined>(key) }, fc.constantFrom(...known), fc.constantFrom(...hashedForms), adversarialKey),
        method: fc.oneof({ weight: 5, arbitrary: fc.constant(grant.method) }, anyMethod),
        path: fc.oneof({ weight: 3, arbitrary: pathNear(grant.path) }, template),
        queryParameterNames: fc.oneof({ weight: 3, arbitrary: fc.subarray([...grant.queryParameters]) }, anyQueryNames),
      }),
    ),
  ];
  const scattered = fc.record({
    apiKey: fc.oneof(fc.constantFrom(...known), fc.constantFrom(...hashedForms), adversarialKey),
    method: anyMethod,
    path: template,
    queryParameterNames: anyQueryNames,
  });
  const request = fc.oneof(...aimed, scattered);
  return fc.tuple(fc.constant(map), fc.array(request, { minLength: 1, maxLength: 20 }));
});

const NOW = Date.parse('2026-11-24T12:00:00Z');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const hashed = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex')}`;

/** the version-1 format: only usable keys (it has no disabled or expiry), each with all its grants. */
function designFormat(map: Scenario) {
  const active = map.keys.filter((k) => k.status === 'active');
  return Object.fromEntries(active.map((k) => [k.hashed ? hashed(k.key) : k.key, { companyId: 1, userId: 2, authorizedRequests: allGrants(map, k) }]));
}

function version2(map: Scenario) {
  return {
    version: 2,
    plans: Object.fromEntries(map.plans.map((grants, i) => [`plan-${i}`, grants])),
    keys: Object.fromEntries(
      map.keys.map((k) => [
        hashed(k.key),
        {
          companyId: 1,
          userId: 2,
          plans: k.plans.map((plan) => `plan-${plan}`),
          grants: k.grants,
          ...(k.status === 'disabled' ? { disabled: true } : {}),
          ...(k.status === 'expired' ? { expiresAt: '2026-11-24T11:59:59Z' } : { expiresAt: '2026-11-24T12:00:01Z' }),
        },
      ]),
    ),
  };
}

/** The sharded deployment of a map: the shard tool's output, read through a ShardedKeyMapLoader. */
function shardedProvider(document: object, shards: number) {
  const written = shardKeyMap(document, { shards });
  return new ShardedKeyMapLoader({
    shardCount: shards,
    sourceFor: (index) => ({ description: `shard ${index}`, load: async () => written[index]?.json }),
    now: () => NOW,
    logger: silent,
  });
}

describe('decide, against a reference matcher (property)', () => {
  it('allows exactly what an explicit grant allows, and knows exactly the usable stored keys — in both formats, whole or sharded', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([map, requests]) => {
        const usable = map.keys
          .filter((k) => k.status === 'active')
          .map((k) => ({ name: k.hashed ? hashed(k.key) : k.key, grants: allGrants(map, k) }));
        const whole = {
          'version 1': compileKeyMap(designFormat(map)),
          'version 2': compileKeyMap(version2(map), { now: () => NOW }),
        };
        const sharded = {
          'version 1, sharded': shardedProvider(designFormat(map), map.shards),
          'version 2, sharded': shardedProvider(version2(map), map.shards),
        };
        for (const request of requests) {
          const expected = referenceDecision(usable, request);
          for (const [format, keyMap] of Object.entries(whole)) {
            expect([format, decide(keyMap, request).effect]).toEqual([format, expected]);
          }
          for (const [format, provider] of Object.entries(sharded)) {
            const keyMap = await provider.keyMapFor(request.apiKey ?? '');
            if (keyMap === undefined) throw new Error(`${format}: no shard`);
            expect([format, decide(keyMap, request).effect]).toEqual([format, expected]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
