import * as z from 'zod/mini';
import { ApiRouter } from './api-router.js';
import { ProblemError } from './problem-error.js';
import { route, type RouteDefinition, type RouteResponse } from './route.js';
import { RouteDefinitionError } from './route-definition-error.js';
import type { RouterLogger } from './router-logger.js';
import { proxyEvent } from './testing/index.js';

/** A note route declaring a JSON 200, a problem 404 and an empty 204, answering `answer()`. */
function noteRoute(answer: () => RouteResponse) {
  return route({
    method: 'GET',
    path: '/notes/{id}',
    version: '2025-03-01',
    responses: {
      200: { description: 'the note', body: z.strictObject({ id: z.string(), text: z.string() }) },
      204: { description: 'nothing to say' },
      404: { description: 'no such note', problem: true },
    },
    handler: answer,
  });
}

function serve(routes: RouteDefinition[], validateResponses: boolean) {
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const logger: RouterLogger = { error: (message, fields) => logged.push({ message, fields }) };
  const router = new ApiRouter(routes, { logger, validateResponses });
  const get = () => router.handler(proxyEvent({ path: '/notes/n1', version: '2025-03-01', requestId: 'req-1' }));
  return { get, logged };
}

describe('response validation (validateResponses)', () => {
  it('passes answers that keep the declared responses through unchanged', async () => {
    const answers: (() => RouteResponse)[] = [
      () => ({ status: 200, body: { id: 'n1', text: 'hello' } }),
      () => ({ status: 204 }),
      () => {
        throw new ProblemError({ status: 404, detail: 'no such note' });
      },
    ];
    for (const answer of answers) {
      const checked = await serve([noteRoute(answer)], true).get();
      const unchecked = await serve([noteRoute(answer)], false).get();
      expect(checked).toEqual(unchecked);
      expect(checked.statusCode).not.toBe(500);
    }
  });

  it.each<[string, () => RouteResponse, RegExp]>([
    ['an undeclared status', () => ({ status: 201, body: { id: 'n1', text: 'x' } }), /status 201 is not declared/],
    ['a body its schema rejects', () => ({ status: 200, body: { id: 'n1' } }), /status 200 body: text: /],
    ['a field the schema does not know', () => ({ status: 200, body: { id: 'n1', text: 'x', secret: 1 } }), /status 200 body/],
    ['a body on an empty status', () => ({ status: 204, body: { id: 'n1' } }), /declared without a body/],
    [
      'a non-JSON body on a JSON status',
      () => ({ status: 200, body: 'hi', headers: { 'content-type': 'text/plain' } }),
      /declared JSON, sent as text\/plain/,
    ],
    [
      'a JSON content-type on a body that is not JSON',
      () => ({ status: 200, body: '{"id":', headers: { 'Content-Type': 'application/json' } }),
      /status 200 body is not JSON/,
    ],
    [
      'an undeclared problem',
      () => {
        throw new ProblemError({ status: 409 });
      },
      /status 409 is not declared/,
    ],
    [
      'a JSON body where a problem is declared',
      () => ({ status: 404, body: { id: 'n1', text: 'x' } }),
      /declared a problem, sent as application\/json/,
    ],
  ])('answers %s with a logged 500 that reveals nothing', async (_, answer, violation) => {
    const { get, logged } = serve([noteRoute(answer)], true);
    const result = await get();
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toMatchObject({ type: 'https://tollgate.dev/problems/internal-error' });
    expect(logged).toEqual([
      {
        message: 'response breaks its declared contract',
        fields: expect.objectContaining({ requestId: 'req-1', route: '/notes/{id}', violation: expect.stringMatching(violation) }),
      },
    ]);
  });

  it('is off by default: an undeclared answer goes out as the handler gave it', async () => {
    const { get, logged } = serve([noteRoute(() => ({ status: 201, body: { odd: true } }))], false);
    expect((await get()).statusCode).toBe(201);
    expect(logged).toEqual([]);
  });

  it('refuses a table with a route that declares no responses', () => {
    const bare = route({ method: 'GET', path: '/bare', version: '2025-03-01', handler: () => ({ status: 200 }) });
    expect(() => new ApiRouter([bare], { validateResponses: true })).toThrow(
      expect.objectContaining({ name: RouteDefinitionError.name, code: 'missing-responses' }),
    );
    expect(() => new ApiRouter([bare])).not.toThrow();
  });
});
