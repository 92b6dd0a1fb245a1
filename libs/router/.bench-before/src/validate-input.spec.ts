import { z } from 'zod';
import * as zm from 'zod/mini';
import { ApiRouter } from './api-router.js';
import { route } from './route.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { proxyEvent, type ProxyEventInit } from './testing/index.js';

/** A request in the current version from company 42's user 7, request id `req-1`. */
const request = (method: string, path: string, init: Partial<ProxyEventInit> = {}) =>
  proxyEvent({ method, path, version: '2025-03-01', requestId: 'req-1', authorizer: { companyId: '42', userId: '7' }, ...init });
const jsonBody = (result: { body: string }): unknown => JSON.parse(result.body);

const UUID = '0b6f2f9e-6a3e-4c1e-9d1a-6f1f1f1f1f1f';

/** A Standard Schema that validates asynchronously, as a schema calling a service would. */
const asyncEven: StandardSchemaV1<unknown, { n: number }> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: async (value) => {
      const n = Number((value as { n?: unknown }).n);
      return Number.isInteger(n) && n % 2 === 0 ? { value: { n } } : { issues: [{ message: 'must be even', path: [{ key: 'n' }] }] };
    },
  },
};

describe('input schemas', () => {
  let seen: unknown;
  const router = new ApiRouter([
    route({
      method: 'POST',
      path: '/resources/{id}/notes',
      version: '2025-03-01',
      schemas: {
        params: z.object({ id: z.uuid() }),
        query: zm.object({ limit: zm.optional(zm.coerce.number().check(zm.int(), zm.maximum(100))) }),
        body: z.object({ text: z.string().min(1), tags: z.array(z.string()).optional() }),
      },
      handler: (req) => {
        seen = { params: req.params, query: req.query, body: req.body };
        return { status: 201, body: { id: req.params.id, limit: req.query.limit ?? null, text: req.body.text } };
      },
    }),
    route({
      method: 'GET',
      path: '/even',
      version: '2025-03-01',
      schemas: { query: asyncEven },
      handler: (req) => ({ status: 200, body: { n: req.query.n } }),
    }),
  ]);

  it('hands the handler the schema outputs', async () => {
    const result = await router.handler(
      request('POST', `/resources/${UUID}/notes`, { query: { limit: '20' }, body: '{"text":"hi"}' }),
    );
    expect(result.statusCode).toBe(201);
    expect(seen).toEqual({ params: { id: UUID }, query: { limit: 20 }, body: { text: 'hi' } });
  });

  it('answers 400 validation-failed listing every failing field of every location', async () => {
    const result = await router.handler(
      request('POST', '/resources/not-a-uuid/notes', {
        query: { limit: '500' },
        body: '{"text":"","tags":[1]}',
      }),
    );
    expect(result.statusCode).toBe(400);
    expect(result.headers['X-Api-Version']).toBe('2025-03-01');
    const problem = jsonBody(result) as { errors: { location: string; path: string }[] };
    expect(problem).toMatchObject({ type: 'https://tollgate.dev/problems/validation-failed', detail: '4 invalid fields' });
    expect(problem.errors.map(({ location, path }) => `${location}:${path}`)).toEqual([
      'params:id',
      'query:limit',
      'body:text',
      'body:tags.0',
    ]);
    expect(problem.errors.every((error) => 'message' in error)).toBe(true);
  });

  it('validates a missing body against the body schema', async () => {
    const result = await router.handler(request('POST', `/resources/${UUID}/notes`));
    expect(jsonBody(result)).toMatchObject({ errors: [{ location: 'body', path: '' }] });
  });

  it('reports invalid JSON together with the other failing fields', async () => {
    const result = await router.handler(request('POST', '/resources/nope/notes', { body: '{' }));
    const problem = jsonBody(result) as { errors: { location: string; path: string; message: string }[] };
    expect(problem.errors[0]).toEqual({ location: 'body', path: '', message: 'body is not valid JSON' });
    expect(problem.errors.map((error) => error.location)).toContain('params');
  });

  it('awaits asynchronous schemas', async () => {
    const good = await router.handler(request('GET', '/even', { query: { n: '4' } }));
    expect(jsonBody(good)).toEqual({ n: 4 });
    const bad = await router.handler(request('GET', '/even', { query: { n: '3' } }));
    expect(jsonBody(bad)).toMatchObject({ errors: [{ location: 'query', path: 'n', message: 'must be even' }] });
  });

  it('never calls the handler when validation fails', async () => {
    seen = undefined;
    await router.handler(request('POST', '/resources/x/notes', { body: '{"text":"hi"}' }));
    expect(seen).toBeUndefined();
  });
});
