import { ApiRouter, type ApiRouterOptions } from './api-router.js';
import { ProblemError } from './problem-error.js';
import { route, type RouteDefinition } from './route.js';
import type { RouterLogger } from './router-logger.js';
import { proxyEvent, type ProxyEventInit } from './testing/index.js';

/** A request in the current version from company 42's user 7, request id `req-1`. */
const request = (method: string, path: string, init: Partial<ProxyEventInit> = {}) =>
  proxyEvent({ method, path, version: '2025-03-01', requestId: 'req-1', authorizer: { companyId: '42', userId: '7' }, ...init });
const jsonBody = (result: { body: string }): unknown => JSON.parse(result.body);

const echo = (name: string) =>
  route({
    method: 'GET',
    path: '/resources/{id}',
    version: '2025-03-01',
    handler: (req) => ({ status: 200, body: { name, id: req.params.id, version: req.version } }),
  });

function recordingLogger(): RouterLogger & { entries: { message: string; fields: Record<string, unknown> }[] } {
  const entries: { message: string; fields: Record<string, unknown> }[] = [];
  return { entries, error: (message, fields) => entries.push({ message, fields }) };
}

function routerOf(routes: RouteDefinition[], options: ApiRouterOptions = { logger: recordingLogger() }): ApiRouter {
  return new ApiRouter(routes, options);
}

const table = [
  echo('v2025'),
  route({
    method: 'GET',
    path: '/resources/{id}',
    version: '2024-12-01',
    deprecated: { sunset: '2026-06-30' },
    handler: (req) => ({ status: 200, body: { id: req.params.id, version: req.version } }),
  }),
  route({
    method: 'DELETE',
    path: '/resources/{id}',
    version: '2025-03-01',
    handler: () => ({ status: 204 }),
  }),
  route({
    method: 'GET',
    path: '/resources/search',
    version: '2024-12-01',
    handler: () => ({ status: 200, body: { search: true } }),
  }),
];

describe('ApiRouter dispatch', () => {
  const router = routerOf(table);

  describe('X-Api-Version', () => {
    it('answers 400 missing-version when the header is absent, before looking at the path', async () => {
      const result = await router.handler(request('GET', '/no/such/path', { version: undefined }));
      expect(result.statusCode).toBe(400);
      expect(result.headers['Content-Type']).toBe('application/problem+json');
      expect(result.headers['X-Api-Version']).toBeUndefined();
      expect(jsonBody(result)).toMatchObject({
        type: 'https://tollgate.dev/problems/missing-version',
        status: 400,
        title: 'Missing API version',
      });
    });

    it('treats an empty header as missing', async () => {
      const result = await router.handler(request('GET', '/resources/1', { version: '' }));
      expect(jsonBody(result)).toMatchObject({ type: 'https://tollgate.dev/problems/missing-version' });
    });

    it.each(['2025-3-01', '20250301', 'latest', '2024-02-30', '2023-02-29', '2025-13-01', '2025-00-10', ' 2025-03-01'])(
      'answers 400 invalid-version for %j',
      async (version) => {
        const result = await router.handler(request('GET', '/resources/1', { version }));
        expect(result.statusCode).toBe(400);
        expect(jsonBody(result)).toMatchObject({ type: 'https://tollgate.dev/problems/invalid-version' });
        expect(result.headers['X-Api-Version']).toBeUndefined();
      },
    );

    it('accepts a valid leap day that no route serves as a valid but unsupported version', async () => {
      const result = await router.handler(request('GET', '/resources/1', { version: '2024-02-29' }));
      expect(jsonBody(result)).toMatchObject({ type: 'https://tollgate.dev/problems/unsupported-version' });
    });

    it('reads the header case-insensitively', async () => {
      const result = await router.handler(
        request('GET', '/resources/1', { version: undefined, headers: { 'x-API-version': '2024-12-01' } }),
      );
      expect(jsonBody(result)).toEqual({ id: '1', version: '2024-12-01' });
    });

    it('falls back to multiValueHeaders, where the same value sent twice counts once', async () => {
      const result = await router.handler(
        {
          ...request('GET', '/resources/1', { version: undefined }),
          headers: null,
          multiValueHeaders: { 'X-Api-Version': ['2024-12-01', '2024-12-01'] },
        },
      );
      expect(jsonBody(result)).toMatchObject({ version: '2024-12-01' });
    });

    it.each([
      ['repeated in multiValueHeaders', { 'X-Api-Version': '2025-03-01' }, { 'X-Api-Version': ['2024-12-01', '2025-03-01'] }],
      [
        'under two casings',
        { 'X-Api-Version': '2025-03-01', 'x-api-version': '2024-12-01' },
        { 'X-Api-Version': ['2025-03-01'], 'x-api-version': ['2024-12-01'] },
      ],
    ])('answers 400 conflicting-header for two different versions %s, never picking one', async (_, headers, multiValueHeaders) => {
      const result = await router.handler({ ...request('GET', '/resources/1', { version: undefined }), headers, multiValueHeaders });
      expect(result.statusCode).toBe(400);
      expect(result.headers['X-Api-Version']).toBeUndefined();
      expect(jsonBody(result)).toEqual({
        type: 'https://tollgate.dev/problems/conflicting-header',
        title: 'Conflicting header',
        status: 400,
        detail: 'X-Api-Version was sent more than once with different values; send it once',
      });
    });

    it('answers 400 unsupported-version listing the route versions newest first, latest marked', async () => {
      const result = await router.handler(request('GET', '/resources/1', { version: '2023-01-01' }));
      expect(result.statusCode).toBe(400);
      expect(jsonBody(result)).toEqual({
        type: 'https://tollgate.dev/problems/unsupported-version',
        title: 'Unsupported API version',
        status: 400,
        detail: 'supported versions: [2025-03-01 (latest), 2024-12-01]',
        supportedVersions: ['2025-03-01', '2024-12-01'],
      });
      expect(result.headers['X-Api-Version']).toBe('2023-01-01');
    });

    it('lists the versions of the matched method only', async () => {
      const result = await router.handler(request('DELETE', '/resources/1', { version: '2024-12-01' }));
      expect(jsonBody(result)).toMatchObject({ supportedVersions: ['2025-03-01'] });
    });

    it('serves exactly the requested version and echoes it', async () => {
      const result = await router.handler(request('GET', '/resources/1', { version: '2025-03-01' }));
      expect(result.statusCode).toBe(200);
      expect(jsonBody(result)).toEqual({ name: 'v2025', id: '1', version: '2025-03-01' });
      expect(result.headers['X-Api-Version']).toBe('2025-03-01');
    });
  });

  describe('path and method', () => {
    it('answers 404 not-found when no path matches, echoing the version', async () => {
      const result = await router.handler(request('GET', '/nothing/here'));
      expect(result.statusCode).toBe(404);
      expect(result.headers['X-Api-Version']).toBe('2025-03-01');
      expect(jsonBody(result)).toMatchObject({ type: 'https://tollgate.dev/problems/not-found', status: 404 });
    });

    it('answers 405 with Allow listing the methods of that path', async () => {
      const result = await router.handler(request('PUT', '/resources/1'));
      expect(result.statusCode).toBe(405);
      expect(result.headers['Allow']).toBe('GET, DELETE');
      expect(jsonBody(result)).toMatchObject({ type: 'https://tollgate.dev/problems/method-not-allowed' });
    });

    it('does not imply HEAD from GET (API Gateway only forwards methods it declares)', async () => {
      const result = await router.handler(request('HEAD', '/resources/1'));
      expect(result.statusCode).toBe(405);
    });

    it('never serves a static path through a parameter route, whatever the versions', async () => {
      // /resources/search only has 2024-12-01; /resources/{id} has 2025-03-01.
      const result = await router.handler(request('GET', '/resources/search', { version: '2025-03-01' }));
      expect(jsonBody(result)).toMatchObject({
        type: 'https://tollgate.dev/problems/unsupported-version',
        supportedVersions: ['2024-12-01'],
      });
      const served = await router.handler(request('GET', '/resources/search', { version: '2024-12-01' }));
      expect(jsonBody(served)).toEqual({ search: true });
    });

    it('decodes path parameters', async () => {
      const result = await router.handler(request('GET', '/resources/a%20b%2Fc'));
      expect(jsonBody(result)).toMatchObject({ id: 'a b/c' });
    });

    it('answers 400 validation-failed for a parameter with malformed percent-encoding', async () => {
      const result = await router.handler(request('GET', '/resources/%E0%A4%A'));
      expect(result.statusCode).toBe(400);
      expect(jsonBody(result)).toMatchObject({
        type: 'https://tollgate.dev/problems/validation-failed',
        errors: [{ location: 'params', path: 'id', message: 'malformed percent-encoding' }],
      });
    });
  });

  describe('responses', () => {
    it('says no-store and Vary: X-Api-Version on every response, problems and the version check included', async () => {
      const router = routerOf([route({ method: 'GET', path: '/data', version: '2025-03-01', handler: () => ({ status: 200, body: {} }) })]);
      const answers = [
        await router.handler(request('GET', '/data')),
        await router.handler(request('GET', '/data', { version: undefined })),
        await router.handler(request('GET', '/nowhere')),
        await router.handler(request('GET', '/data', { version: '2023-01-01' })),
      ];
      expect(answers.map((result) => result.statusCode)).toEqual([200, 400, 404, 400]);
      for (const result of answers) expect(result.headers).toMatchObject({ 'Cache-Control': 'no-store', Vary: 'X-Api-Version' });
    });

    it('keeps a cache policy the route chose and adds X-Api-Version to its Vary', async () => {
      const router = routerOf([
        route({
          method: 'GET',
          path: '/public',
          version: '2025-03-01',
          handler: () => ({ status: 200, body: {}, headers: { 'cache-control': 'private, max-age=60', vary: 'Accept' } }),
        }),
        route({ method: 'GET', path: '/any', version: '2025-03-01', handler: () => ({ status: 200, headers: { Vary: '*' } }) }),
      ]);
      const result = await router.handler(request('GET', '/public'));
      expect(result.headers).toMatchObject({ 'cache-control': 'private, max-age=60', vary: 'Accept, X-Api-Version' });
      expect(result.headers['Cache-Control']).toBeUndefined();
      expect(result.headers['Vary']).toBeUndefined();
      expect((await router.handler(request('GET', '/any'))).headers['Vary']).toBe('*');
    });

    it('sends JSON with a content-type unless the handler chose one', async () => {
      const router = routerOf([
        route({ method: 'GET', path: '/json', version: '2025-03-01', handler: () => ({ status: 201, body: [1] }) }),
        route({
          method: 'GET',
          path: '/csv',
          version: '2025-03-01',
          handler: () => ({ status: 200, body: 'a,b\n', headers: { 'content-type': 'text/csv', 'Cache-Control': 'no-store' } }),
        }),
        route({ method: 'GET', path: '/empty', version: '2025-03-01', handler: () => ({ status: 204 }) }),
      ]);
      const json = await router.handler(request('GET', '/json'));
      expect(json).toEqual({
        statusCode: 201,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Vary: 'X-Api-Version', 'X-Api-Version': '2025-03-01' },
        body: '[1]',
        isBase64Encoded: false,
      });
      const csv = await router.handler(request('GET', '/csv'));
      expect(csv.body).toBe('a,b\n');
      expect(csv.headers).toEqual({ 'content-type': 'text/csv', 'Cache-Control': 'no-store', Vary: 'X-Api-Version', 'X-Api-Version': '2025-03-01' });
      const empty = await router.handler(request('GET', '/empty'));
      expect(empty).toMatchObject({ statusCode: 204, body: '', headers: { 'X-Api-Version': '2025-03-01' } });
    });

    it('sends Deprecation (RFC 9745) and Sunset (RFC 8594) for a deprecated version', async () => {
      const result = await router.handler(request('GET', '/resources/1', { version: '2024-12-01' }));
      // Deprecated since its successor 2025-03-01 appeared.
      expect(result.headers['Deprecation']).toBe(`@${Date.UTC(2025, 2, 1) / 1000}`);
      expect(result.headers['Sunset']).toBe('Tue, 30 Jun 2026 00:00:00 GMT');
      const current = await router.handler(request('GET', '/resources/1', { version: '2025-03-01' }));
      expect(current.headers['Deprecation']).toBeUndefined();
      expect(current.headers['Sunset']).toBeUndefined();
    });

    it('uses an explicit deprecation date when given', async () => {
      const router = routerOf([
        route({
          method: 'GET',
          path: '/old',
          version: '2024-12-01',
          deprecated: { since: '2025-01-15', sunset: '2026-01-01' },
          handler: () => ({ status: 200, body: {} }),
        }),
      ]);
      const result = await router.handler(request('GET', '/old', { version: '2024-12-01' }));
      expect(result.headers['Deprecation']).toBe(`@${Date.UTC(2025, 0, 15) / 1000}`);
      expect(result.headers['Sunset']).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    });

    it('turns a ProblemError into its problem+json response with its headers, keeping router headers', async () => {
      const router = routerOf([
        route({
          method: 'GET',
          path: '/busy',
          version: '2024-12-01',
          deprecated: { sunset: '2026-06-30' },
          handler: () => {
            throw new ProblemError({ status: 503, detail: 'database unavailable' }, { headers: { 'Retry-After': '5' } });
          },
        }),
      ]);
      const result = await router.handler(request('GET', '/busy', { version: '2024-12-01' }));
      expect(result.statusCode).toBe(503);
      expect(result.headers).toMatchObject({
        'Content-Type': 'application/problem+json',
        'Retry-After': '5',
        'X-Api-Version': '2024-12-01',
        Sunset: 'Tue, 30 Jun 2026 00:00:00 GMT',
      });
      expect(jsonBody(result)).toEqual({
        type: 'https://tollgate.dev/problems/service-unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'database unavailable',
      });
    });

    it('keeps a problem problem+json with one content-type, whatever casing a thrower used', async () => {
      const router = routerOf([
        route({
          method: 'GET',
          path: '/teapot',
          version: '2025-03-01',
          handler: () => {
            throw new ProblemError(
              { status: 418, title: "I'm a teapot" },
              { headers: { 'content-type': 'text/plain', 'CONTENT-TYPE': 'text/html', 'Retry-After': '1' } },
            );
          },
        }),
      ]);
      const result = await router.handler(request('GET', '/teapot'));
      expect(result.headers).toEqual({
        'Retry-After': '1',
        'Content-Type': 'application/problem+json',
        'Cache-Control': 'no-store',
        Vary: 'X-Api-Version',
        'X-Api-Version': '2025-03-01',
      });
    });

    it('answers 500 without internals for any other failure and logs it with the request id', async () => {
      const logger = recordingLogger();
      const router = routerOf(
        [
          route({
            method: 'GET',
            path: '/boom',
            version: '2025-03-01',
            handler: async () => {
              throw new TypeError('select * from secrets where key = sk_live_abc');
            },
          }),
        ],
        { logger },
      );
      const result = await router.handler(request('GET', '/boom'));
      expect(result.statusCode).toBe(500);
      expect(result.headers['X-Api-Version']).toBe('2025-03-01');
      expect(jsonBody(result)).toEqual({
        type: 'https://tollgate.dev/problems/internal-error',
        title: 'Internal Server Error',
        status: 500,
        detail: 'an unexpected error occurred (request id req-1)',
      });
      expect(result.body).not.toContain('secrets');
      expect(logger.entries).toEqual([
        {
          message: 'route handler failed',
          fields: { requestId: 'req-1', method: 'GET', route: '/boom', version: '2025-03-01', errorName: 'TypeError' },
        },
      ]);
      expect(JSON.stringify(logger.entries)).not.toContain('sk_live');
    });

    it('logs JSON lines to stderr by default', async () => {
      const router = new ApiRouter([
        route({ method: 'GET', path: '/boom', version: '2025-03-01', handler: () => Promise.reject(new Error('x')) }),
      ]);
      const lines: string[] = [];
      const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
      try {
        await router.handler(request('GET', '/boom'));
      } finally {
        spy.mockRestore();
      }
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 'ERROR', requestId: 'req-1', errorName: 'Error' });
    });

    it('treats a response that cannot be serialised as a handler failure', async () => {
      const router = routerOf([
        route({ method: 'GET', path: '/big', version: '2025-03-01', handler: () => ({ status: 200, body: { n: 1n } }) }),
      ]);
      const result = await router.handler(request('GET', '/big'));
      expect(result.statusCode).toBe(500);
    });
  });

  describe('the request handed to a handler', () => {
    it('carries event, context, version, request id, query, body and a case-insensitive header()', async () => {
      let seen: unknown;
      const router = routerOf([
        route({
          method: 'POST',
          path: '/orgs/{org}/items',
          version: '2025-03-01',
          handler: (req) => {
            seen = {
              params: req.params,
              query: { ...req.query },
              body: req.body,
              requestId: req.requestId,
              version: req.version,
              header: req.header('CONTENT-type'),
              missing: req.header('x-nope'),
              company: req.event.requestContext.authorizer?.['companyId'],
              fn: req.context?.functionName,
            };
            return { status: 201, body: {} };
          },
        }),
      ]);
      await router.handler(
        {
          ...request('POST', '/orgs/acme/items', { headers: { 'Content-Type': 'application/json' }, body: '{"name":"x"}' }),
          queryStringParameters: { limit: '10', cursor: undefined },
        },
        { functionName: 'resources', awsRequestId: 'lambda-1' },
      );
      expect(seen).toEqual({
        params: { org: 'acme' },
        query: { limit: '10' },
        body: { name: 'x' },
        requestId: 'req-1',
        version: '2025-03-01',
        header: 'application/json',
        missing: undefined,
        company: '42',
        fn: 'resources',
      });
    });

    it('gives a query map that inherits nothing', async () => {
      let query: Record<string, string> = {};
      const router = routerOf([
        route({ method: 'GET', path: '/q', version: '2025-03-01', handler: (req) => ((query = req.query), { status: 204 }) }),
      ]);
      const queryStringParameters = JSON.parse('{"__proto__":"x","a":"1"}') as Record<string, string>;
      await router.handler({ ...request('GET', '/q'), queryStringParameters });
      expect(Object.entries(query)).toEqual([['__proto__', 'x'], ['a', '1']]);
      expect(query['constructor']).toBeUndefined();
      expect(query['toString']).toBeUndefined();
    });

    it('falls back to the Lambda request id, then a generated one', async () => {
      const ids: string[] = [];
      const router = routerOf([
        route({ method: 'GET', path: '/id', version: '2025-03-01', handler: (req) => (ids.push(req.requestId), { status: 204 }) }),
      ]);
      await router.handler({ ...request('GET', '/id'), requestContext: {} }, { awsRequestId: 'lambda-1' });
      await router.handler({ ...request('GET', '/id'), requestContext: {} });
      expect(ids[0]).toBe('lambda-1');
      expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('decodes base64 bodies', async () => {
      let body: unknown;
      const router = routerOf([
        route({ method: 'POST', path: '/b', version: '2025-03-01', handler: (req) => ((body = req.body), { status: 204 }) }),
      ]);
      await router.handler(
        request('POST', '/b', { body: Buffer.from('{"a":[1,2]}').toString('base64'), isBase64Encoded: true }),
      );
      expect(body).toEqual({ a: [1, 2] });
    });

    it('hands over a non-JSON body as text', async () => {
      let body: unknown;
      const router = routerOf([
        route({ method: 'POST', path: '/b', version: '2025-03-01', handler: (req) => ((body = req.body), { status: 204 }) }),
      ]);
      await router.handler(request('POST', '/b', { body: 'not json', headers: { 'content-type': 'text/plain' } }));
      expect(body).toBe('not json');
    });

    it('ignores, without reading it, the body of a route that declares none (GET, DELETE… without a body schema)', async () => {
      const seen: unknown[] = [];
      const router = routerOf([
        route({ method: 'GET', path: '/list', version: '2025-03-01', handler: (req) => (seen.push(req.body), { status: 204 }) }),
        route({ method: 'DELETE', path: '/list', version: '2025-03-01', handler: (req) => (seen.push(req.body), { status: 204 }) }),
      ]);
      // Not JSON: parsing it would answer 400; a 10 MB nested document would block the Lambda.
      for (const method of ['GET', 'DELETE']) {
        const result = await router.handler(request(method, '/list', { body: '[[[[{"a":', headers: { 'content-type': 'application/json' } }));
        expect(result.statusCode).toBe(204);
      }
      expect(seen).toEqual([undefined, undefined]);
    });

    it('reads the body of a GET that declares a body schema', async () => {
      let seen: unknown;
      const router = routerOf([
        route({
          method: 'GET',
          path: '/search',
          version: '2025-03-01',
          schemas: { body: { '~standard': { version: 1, vendor: 'test', validate: (value: unknown) => ({ value }) } } },
          handler: (req) => ((seen = req.body), { status: 204 }),
        }),
      ]);
      await router.handler(request('GET', '/search', { body: '{"q":"x"}' }));
      expect(seen).toEqual({ q: 'x' });
    });

    it('answers 400 for a body whose Content-Type was sent twice with different values', async () => {
      const router = routerOf([route({ method: 'POST', path: '/b', version: '2025-03-01', handler: () => ({ status: 204 }) })]);
      const result = await router.handler({
        ...request('POST', '/b', { body: '{}' }),
        multiValueHeaders: { 'X-Api-Version': ['2025-03-01'], 'Content-Type': ['application/json', 'text/plain'] },
      });
      expect(result.statusCode).toBe(400);
      expect(jsonBody(result)).toMatchObject({
        errors: [{ location: 'body', path: '', message: 'Content-Type was sent more than once with different values' }],
      });
    });

    it('answers 400 validation-failed for a body that is not valid JSON', async () => {
      const router = routerOf([
        route({ method: 'POST', path: '/b', version: '2025-03-01', handler: () => ({ status: 204 }) }),
      ]);
      const result = await router.handler(
        request('POST', '/b', { body: '{"a":', headers: { 'content-type': 'application/merge-patch+json' } }),
      );
      expect(result.statusCode).toBe(400);
      expect(jsonBody(result)).toMatchObject({
        type: 'https://tollgate.dev/problems/validation-failed',
        errors: [{ location: 'body', path: '', message: 'body is not valid JSON' }],
      });
    });
  });
});
