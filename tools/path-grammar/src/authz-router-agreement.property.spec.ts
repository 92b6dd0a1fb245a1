import { compileKeyMap, decide, hashedKeyName } from '@tollgate/authz';
import {
  ApiRouter,
  type HttpMethod,
  type ResponseRecord,
  type RouteDefinition,
} from '@tollgate/router';
import { proxyEvent } from '@tollgate/router/testing';
import fc from 'fast-check';

// The authorizer allows a request only if the route the router would serve it from is granted:
// random route tables (static and {param} siblings), random grants, random paths with random
// percent-encoding and malformed escapes, the authorizer given the router's templates.

const VERSION = '2025-01-01';
const METHODS: HttpMethod[] = ['GET', 'POST'];
const QUERY_NAMES = ['limit', 'cursor'];
const handler = () => ({ status: 204 as const });

const template = fc
  .array(fc.constantFrom('r', 'search', 'a', 'b', 'é', '{p}', '{q}'), { maxLength: 3 })
  // A template names each parameter once.
  .map(
    (segments) =>
      '/' + segments.map((s, i) => (s.startsWith('{') ? `{${s.slice(1, -1)}${i}}` : s)).join('/'),
  );

const shape = (path: string) => path.replace(/\{[^/]*\}/g, '{}');

const routesArb = fc
  .array(fc.record({ method: fc.constantFrom(...METHODS), path: template }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((routes) => {
    const seen = new Set<string>();
    // One registration per method and path shape, as the router requires.
    return routes.filter(({ method, path }) => {
      const key = `${method} ${shape(path)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

interface KeyGrants {
  readonly grants: readonly { method: HttpMethod; path: string; queryParameters: string[] }[];
}

/** A path aimed at a template: parameters filled, characters percent-encoded, escapes broken. */
const value = fc.constantFrom(
  '1',
  'search',
  'r',
  'a',
  'b',
  'x y',
  'é',
  '%zz',
  '%E0%A4%A',
  '%',
  'a%2Fb',
  '..',
);
function pathFrom(templatePath: string) {
  return fc
    .tuple(
      fc.array(value, { minLength: 3, maxLength: 3 }),
      fc.array(fc.nat(), { maxLength: 3 }),
      fc.constantFrom('', '', '', '/'),
    )
    .map(([values, encodeAt, suffix]) => {
      let i = 0;
      let path = templatePath.replace(/\{[^/]*\}/g, () => values[i++] ?? 'x') + suffix;
      for (const at of encodeAt) path = encodeCharAt(path, at);
      return path;
    });
}

/** `path` with the character at `at` (mod length) percent-encoded as UTF-8, unless it is a `/` or part of an escape. */
function encodeCharAt(path: string, at: number): string {
  const i = at % path.length;
  const char = path[i] as string;
  if (char === '/' || char === '%') return path;
  const bytes = [...new TextEncoder().encode(char)];
  return (
    path.slice(0, i) +
    bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('') +
    path.slice(i + 1)
  );
}

const scenario = routesArb.chain((routes) => {
  const keys = fc.array(
    fc.record({
      grants: fc
        .subarray(routes)
        .chain((granted) =>
          fc.tuple(
            ...granted.map(({ method, path }) =>
              fc
                .subarray(QUERY_NAMES)
                .map((queryParameters) => ({ method, path, queryParameters })),
            ),
          ),
        ),
    }),
    { minLength: 1, maxLength: 3 },
  );
  const templates = [...new Set(routes.map((route) => route.path))];
  const request = fc.record({
    key: fc.nat(),
    method: fc.constantFrom(...METHODS, 'DELETE'),
    path: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...templates).chain(pathFrom) },
      template.chain(pathFrom),
    ),
    queryParameterNames: fc.subarray(QUERY_NAMES),
  });
  return fc.tuple(fc.constant(routes), keys, fc.array(request, { minLength: 1, maxLength: 8 }));
});

const keyOf = (i: number) => `sk_test_agreement_${i}`;

describe('the authorizer and the router decide on the same path (property)', () => {
  it('allows a request exactly when the route the router would serve is granted to the key, with every query name', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([routes, keys, requests]) => {
        const definitions: RouteDefinition[] = routes.map(({ method, path }) => ({
          method,
          path,
          version: VERSION,
          handler,
        }));
        let record: ResponseRecord | undefined;
        const router = new ApiRouter(definitions, { onResponse: (r) => (record = r) });
        const servedPaths = [...new Set(routes.map((route) => route.path))];
        const map = compileKeyMap(
          {
            version: 2,
            plans: {},
            keys: Object.fromEntries(
              keys.map((key: KeyGrants, i) => [
                hashedKeyName(keyOf(i)),
                { companyId: 42, userId: i, grants: key.grants },
              ]),
            ),
          },
          { servedPaths },
        );
        for (const request of requests) {
          const keyIndex = request.key % keys.length;
          record = undefined;
          const query = Object.fromEntries(request.queryParameterNames.map((name) => [name, '1']));
          const { statusCode } = await router.handler(
            proxyEvent({ method: request.method, path: request.path, version: VERSION, query }),
          );
          // The route the router served (204), or chose before refusing a malformed parameter (400).
          const chosen =
            (statusCode === 204 || statusCode === 400) && record !== undefined
              ? (record as ResponseRecord).route
              : undefined;
          expect({ statusCode, chosen: chosen !== undefined }).not.toEqual({
            statusCode: 400,
            chosen: false,
          });
          const granted =
            chosen !== undefined &&
            (keys[keyIndex] as KeyGrants).grants.some(
              (grant) =>
                grant.method === request.method &&
                shape(grant.path) === shape(chosen) &&
                request.queryParameterNames.every((name) => grant.queryParameters.includes(name)),
            );
          const effect = decide(map, {
            apiKey: keyOf(keyIndex),
            method: request.method,
            path: request.path,
            queryParameterNames: request.queryParameterNames,
          }).effect;
          expect({ ...request, key: keyIndex, statusCode, effect }).toEqual({
            ...request,
            key: keyIndex,
            statusCode,
            effect: granted ? 'Allow' : 'Deny',
          });
        }
      }),
      { numRuns: 1500 },
    );
  });
});
