import { ApiRouter, route } from '@tollgate/router';
import { openApiDocuments } from '@tollgate/router/openapi';
import * as z from 'zod/mini';

const note = z.strictObject({ id: z.string(), text: z.string() });

export const routes = [
  route({
    method: 'GET',
    path: '/notes/{id}',
    version: '2025-03-01',
    summary: 'Get one note',
    schemas: { params: z.object({ id: z.uuid() }) },
    responses: {
      200: { description: 'the note', body: z.strictObject({ data: note }) },
      404: { description: 'no such note', problem: true },
    },
    handler: ({ params }) => ({ status: 200, body: { data: { id: params.id, text: 'hello' } } }),
  }),
];

// Tests and development: every answer is checked against `responses` (a violation is a 500).
export const router = new ApiRouter(routes, { validateResponses: process.env['NODE_ENV'] !== 'production' });

// Build time: one OpenAPI 3.1 document per version. zod/mini schemas convert with zod's own
// converter; schemas implementing Standard JSON Schema need none.
export const documents = openApiDocuments({
  routes,
  title: 'Notes API',
  servers: [{ url: 'https://api.example.com' }],
  apiKeyHeader: 'X-Api-Key',
  jsonSchema: (schema, io) => z.toJSONSchema(schema as z.ZodMiniType, { io }),
});
