import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { decide, type AuthorizationRequest } from './decide.js';
import { CompiledKeyMap } from './key-map/compiled-key-map.js';
import { GRANT_METHODS } from './key-map/key-map.js';
import { parseKeyMap } from './key-map/parse-key-map.js';

/**
 * The rule, written as plainly as possible and independently of the implementation: scan
 * every stored entry, build each grant's regular expression on the spot, check query names.
 */
function referenceDecision(
  stored: ReadonlyArray<{ name: string; grants: ReadonlyArray<{ method: string; path: string; queryParameters: string[] }> }>,
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
const storedKey = fc.record({ key: plainKey, hashed: fc.boolean(), grants: fc.array(grantArb, { maxLength: 6 }) });
const keyMapArb = fc.uniqueArray(storedKey, { selector: (k) => k.key, minLength: 1, maxLength: 5 });

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

const scenario = keyMapArb.chain((keys) => {
  const known = keys.map((k) => k.key);
  const hashedForms = known.map((k) => `sha256:${createHash('sha256').update(k).digest('hex')}`);
  const pairs = keys.flatMap((k) => k.grants.map((grant) => ({ key: k.key, grant })));
  // Aimed at one grant of one key, each part kept or perturbed, so Allow and near-miss Deny both occur.
  const aimed = pairs.length === 0 ? [] : [
    fc.constantFrom(...pairs).chain(({ key, grant }) =>
      fc.record({
        apiKey: fc.oneof({ weight: 5, arbitrary: fc.constant<string | undefined>(key) }, fc.constantFrom(...known), fc.constantFrom(...hashedForms), adversarialKey),
        method: fc.oneof({ weight: 5, arbitrary: fc.constant(grant.method) }, anyMethod),
        path: fc.oneof({ weight: 3, arbitrary: pathNear(grant.path) }, template),
        queryParameterNames: fc.oneof({ weight: 3, arbitrary: fc.subarray(grant.queryParameters) }, anyQueryNames),
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
  return fc.tuple(fc.constant(keys), fc.array(request, { minLength: 1, maxLength: 20 }));
});

describe('decide, against a reference matcher (property)', () => {
  it('allows exactly what an explicit grant allows, and knows exactly the stored keys', () => {
    fc.assert(
      fc.property(scenario, ([keys, requests]) => {
        const stored = keys.map((k) => ({
          name: k.hashed ? `sha256:${createHash('sha256').update(k.key).digest('hex')}` : k.key,
          grants: k.grants,
        }));
        const keyMap = new CompiledKeyMap(
          parseKeyMap(Object.fromEntries(stored.map((s) => [s.name, { companyId: 1, userId: 2, authorizedRequests: s.grants }]))),
        );
        for (const request of requests) {
          expect(decide(keyMap, request).effect).toBe(referenceDecision(stored, request));
        }
      }),
      { numRuns: 400 },
    );
  });
});
