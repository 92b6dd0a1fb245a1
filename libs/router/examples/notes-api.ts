import { ApiRouter, ProblemError, route } from '@tollgate/router';
import * as z from 'zod/mini';

const notes = new Map([['0b6f2f9e-6a3e-4c1e-9d1a-6f1f1f1f1f1f', { text: 'hello', tags: ['demo'] }]]);

function findNote(id: string) {
  const note = notes.get(id);
  if (note === undefined) throw new ProblemError({ status: 404, detail: 'note not found' });
  return note;
}

export const router = new ApiRouter([
  route({
    method: 'GET',
    path: '/notes/{id}',
    version: '2025-03-01',
    schemas: { params: z.object({ id: z.uuid() }) },
    handler: ({ params }) => ({ status: 200, body: { id: params.id, ...findNote(params.id) } }),
  }),
  route({
    method: 'GET',
    path: '/notes/{id}',
    version: '2024-12-01',
    deprecated: { sunset: '2026-06-30' },
    handler: ({ params }) => ({ status: 200, body: { id: params.id, text: findNote(params.id).text } }),
  }),
]);

// The Lambda entry point (API Gateway REST, Lambda proxy integration).
export const handler = router.handler;
