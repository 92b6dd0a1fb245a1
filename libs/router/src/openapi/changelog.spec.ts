import * as z from 'zod/mini';
import { route, type RouteResponses } from '../route.js';
import { apiChangelog, formatChangelog } from './changelog.js';
import { openApiDocuments } from './openapi-documents.js';

const ok = () => ({ status: 200 });
const json = (shape: z.core.$ZodLooseShape): RouteResponses => ({ 200: { description: 'ok', body: z.strictObject(shape) } });

const documents = openApiDocuments({
  title: 'Notes API',
  jsonSchema: (schema, io) => z.toJSONSchema(schema as z.ZodMiniType, { io }) as Record<string, unknown>,
  routes: [
    route({ method: 'GET', path: '/a', version: '2024-01-01', responses: json({ id: z.string() }), handler: ok }),
    route({
      method: 'GET',
      path: '/notes',
      version: '2024-01-01',
      deprecated: { sunset: '2026-01-01' },
      responses: json({
        items: z.array(z.strictObject({ id: z.string(), size: z.string() })),
        old: z.strictObject({ nested: z.string() }),
      }),
      handler: ok,
    }),
    route({
      method: 'GET',
      path: '/notes',
      version: '2025-01-01',
      responses: json({ items: z.array(z.strictObject({ id: z.string(), size: z.number(), tag: z.nullable(z.string()) })) }),
      handler: ok,
    }),
    route({ method: 'GET', path: '/b', version: '2025-01-01', responses: json({}), handler: ok }),
    route({ method: 'GET', path: '/b', version: '2025-06-01', responses: json({}), handler: ok }),
  ],
});

describe('apiChangelog', () => {
  const history = apiChangelog(documents);

  it('compares each version with the one before, newest first', () => {
    expect(history.map(({ version, previous }) => [version, previous])).toEqual([
      ['2025-06-01', '2025-01-01'],
      ['2025-01-01', '2024-01-01'],
    ]);
  });

  it('lists routes added, removed and deprecated, and response fields added, removed and retyped (a field going with its parent once)', () => {
    expect(history[1]?.changes).toEqual([
      { kind: 'removed', operation: 'GET /a', detail: 'removed' },
      { kind: 'deprecated', operation: 'GET /notes', detail: 'version 2024-01-01 deprecated, served until 2026-01-01' },
      {
        kind: 'field-retyped',
        operation: 'GET /notes',
        detail: '200 response field `items[].size` retyped from string to number',
      },
      { kind: 'field-removed', operation: 'GET /notes', detail: '200 response field `old` removed' },
      { kind: 'field-added', operation: 'GET /notes', detail: '200 response field `items[].tag` added (string | null)' },
      { kind: 'added', operation: 'GET /b', detail: 'added' },
    ]);
    expect(history[0]?.changes).toEqual([{ kind: 'removed', operation: 'GET /notes', detail: 'removed' }]);
  });

  it('renders as Markdown, one section per version', () => {
    const text = formatChangelog('API changelog', history);
    expect(text).toContain('# API changelog\n\n## 2025-06-01 (changes from 2025-01-01)\n\n- `GET /notes`: removed\n');
    expect(text).toContain('- `GET /notes`: 200 response field `items[].size` retyped from string to number\n');
  });
});
