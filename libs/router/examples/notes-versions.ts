import { ApiRouter, apiVersions, responseChange, type VersionChange } from '@tollgate/router';
import * as z from 'zod/mini';

const noteV20250301 = z.object({ data: z.object({ id: z.string(), text: z.string() }) });
const noteV20241201 = z.object({ id: z.string(), body: z.string() });

// What 2025-03-01 changed, and how a 2024-12-01 client still gets its shape.
const wrapInData: VersionChange = {
  version: '2025-03-01',
  description: 'the note is wrapped in `data`; `body` is now `text`',
  responses: {
    200: responseChange(
      noteV20250301,
      { description: 'the note', body: noteV20241201 },
      ({ data }) => ({
        id: data.id,
        body: data.text,
      }),
    ),
  },
};

const api = apiVersions([
  { version: '2025-03-01' },
  { version: '2024-12-01', deprecated: { sunset: '2026-06-30' } },
]);

export const router = new ApiRouter(
  api.route({
    method: 'GET',
    path: '/notes/{id}',
    responses: { 200: { description: 'the note', body: noteV20250301 } },
    changes: [wrapInData],
    // Written once, for the newest version.
    handler: ({ params }) => ({ status: 200, body: { data: { id: params.id, text: 'hello' } } }),
  }),
);
