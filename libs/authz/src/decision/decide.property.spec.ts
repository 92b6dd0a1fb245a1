import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { GRANT_METHODS, type Grant } from '../grants/grant.js';
import { compileKeyMap } from '../key-map/compile-key-map.js';
import { ShardedKeyMapLoader } from '../loader/sharded-key-map-loader.js';
import { shardKeyMap } from '../offline/shard-key-map.js';
import { decide, type AuthorizationRequest } from './decide.js';

/** A template with its parameter names blanked: `/r/{id}` and `/r/{x}` are one path. */
const pathKey = (template: string) => template.replace(/\{[^/]*\}/g, '{}');

/**
 * The path the router would choose for `path` among `templates` (as `pathKey`), written plainly:
 * every template whose segments match the decoded segments, then the most specific (a literal
 * beats a parameter, leftmost first).
 */
function routerPath(templates: readonly string[], path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const decoded = path.split('/').slice(1).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const shape = (template: string) => template.split('/').slice(1).map((s) => (s.startsWith('{') ? '1' : '0')).join('');
  const matching = templates.filter((template) => {
    const segments = template.split('/').slice(1);
    return segments.length === decoded.length && segments.every((s, i) => (s.startsWith('{') ? decoded[i] !== '' : s === decoded[i]));
  });
  return matching.sort((a, b) => (shape(a) < shape(b) ? -1 : shape(a) > shape(b) ? 1 : 0)).map(pathKey)[0];
}

/**
 * The rule, written as plainly as possible and independently of the implementation: scan
 * every stored entry; find the path the router would serve among the API's templates; allow if
 * a grant names that path, the method and every query name.
 */
function referenceDecision(
  stored: ReadonlyArray<{ name: string; grants: ReadonlyArray<{ method: string; path: string; queryParameters: readonly string[] }> }>,
  served: readonly string[],
  request: AuthorizationRequest,
): 'Allow' | 'Deny' | 'Unknown' {
  const key = request.apiKey;
  if (key === undefined || key === '' || key.startsWith('sha256:')) return 'Unknown';
  const hashed = `sha256:${createHash('sha256').update(key).digest('hex')}`;
  const entry = stored.find((candidate) => candidate.name === key || candidate.name === hashed);
  if (entry === undefined) return 'Unknown';
  const path = routerPath(served, request.path);
  const granted = entry.grants.some(
    (grant) =>
      grant.method === request.method &&
      pathKey(grant.path) === path &&
      request.queryParameterNames.every((name) => grant.queryParameters.includes(name)),
  );
  return granted ? 'Allow' : 'Deny';
}

const trickySegment = fc.constantFrom('resources', 'a', '..', '.', '%2F', '%2f..', 'a.b', '(x)', '[y]', '*', '.+', '?', '^', '$', '|', '\\d', 'é', 'e\u0301', '☕', '𝕏', 'x y', '');
// Templates are written unencoded; requests may encode anything.
const literalSegment = fc.oneof(trickySegment, fc.string({ unit: 'grapheme', maxLength: 4 })).filter((s) => !/[/{}%]/.test(s));
const templateSegment = fc.oneof({ weight: 3, arbitrary: literalSegment }, { weight: 1, arbitrary: fc.constantFrom('{id}', '{name}') });
// A template names each parameter once.
const template = fc
  .array(templateSegment, { minLength: 1, maxLength: 4 })
  .map((segments) => `/${segments.map((s, i) => (s.startsWith('{') ? `{${s.slice(1, -1)}${i}}` : s)).join('/')}`);
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
  extraPath: template,
});
type Scenario = { extraPath: string; plans: Grant[][]; keys: Array<{ key: string; hashed: boolean; grants: Grant[]; plans: number[]; status: string }> };
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
      const filled = templatePath.replace(/\{[^/]*\}/g, () => values[i++ % values.length] ?? 'x');
      return prefix + filled + suffix;
    });
}

/** `path` with its character at `at` (mod length) percent-encoded, unless it is a `/` (or half a surrogate pair). */
function encodeAt(path: string, at: number): string {
  const i = path.length === 0 ? 0 : at % path.length;
  const char = path[i] ?? '/';
  if (char === '/') return path;
  if (/[\uD800-\uDFFF]/.test(char)) return path;
  const bytes = [...new TextEncoder().encode(char)];
  return path.slice(0, i) + bytes.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('') + path.slice(i + 1);
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
        path: fc.oneof(
          { weight: 3, arbitrary: pathNear(grant.path) },
          { weight: 2, arbitrary: fc.tuple(pathNear(grant.path), fc.nat(), fc.nat()).map(([path, a, b]) => encodeAt(encodeAt(path, a), b)) },
          template,
        ),
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
function shardedProvider(document: object, shards: number, servedPaths: readonly string[]) {
  const written = shardKeyMap(document, { shards });
  return new ShardedKeyMapLoader({
    shardCount: shards,
    sourceFor: (index) => ({ description: `shard ${index}`, load: async () => written[index]?.json }),
    now: () => NOW,
    logger: silent,
    servedPaths,
  });
}

describe('decide, against a reference matcher (property)', () => {
  it('allows exactly what an explicit grant of the served route allows, and knows exactly the usable stored keys — in both formats, whole or sharded', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([map, requests]) => {
        const usable = map.keys
          .filter((k) => k.status === 'active')
          .map((k) => ({ name: k.hashed ? hashed(k.key) : k.key, grants: allGrants(map, k) }));
        // The API serves every template of the map, and one more path no key is granted.
        const served = [...new Set([...map.plans.flat(), ...map.keys.flatMap((k) => k.grants)].map((grant) => grant.path)), map.extraPath];
        const whole = {
          'version 1': compileKeyMap(designFormat(map), { servedPaths: served }),
          'version 2': compileKeyMap(version2(map), { now: () => NOW, servedPaths: served }),
        };
        const sharded = {
          'version 1, sharded': shardedProvider(designFormat(map), map.shards, served),
          'version 2, sharded': shardedProvider(version2(map), map.shards, served),
        };
        for (const request of requests) {
          const expected = referenceDecision(usable, served, request);
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
