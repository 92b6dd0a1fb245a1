import * as fc from 'fast-check';
import * as z from 'zod/mini';
import { ApiRouter } from './api-router.js';
import { apiVersions, downgradeResponse } from './api-versions.js';
import { apiChangelog } from './openapi/changelog.js';
import { openApiDocuments } from './openapi/openapi-documents.js';
import { ProblemError } from './problem-error.js';
import { RouteDefinitionError } from './route-definition-error.js';
import { proxyEvent } from './testing/proxy-event.js';
import { responseChange, type VersionChange } from './version-change.js';

// A notes API in three versions: 2025-01-01 renamed `title` to `name`; 2025-06-01 wrapped the note
// in `{ data }` and renamed the query parameter `q` to `search`.
const noteV3 = z.strictObject({ data: z.strictObject({ id: z.string(), name: z.string() }) });
const noteV2 = z.strictObject({ id: z.string(), name: z.string() });
const noteV1 = z.strictObject({ id: z.string(), title: z.string() });

const wrapInData: VersionChange = {
  version: '2025-06-01',
  description: 'the note is wrapped in `data`; `q` is now `search`',
  responses: {
    200: responseChange(noteV3, { description: 'the note', body: noteV2 }, (body) => body.data),
  },
  upgradeRequest: ({ params, query, body }) => {
    const { q, ...rest } = query;
    return { params, body, query: q === undefined ? rest : { ...rest, search: q } };
  },
};
const renameTitle: VersionChange = {
  version: '2025-01-01',
  description: '`title` is now `name`',
  responses: {
    200: responseChange(noteV2, { description: 'the note', body: noteV1 }, ({ id, name }) => ({
      id,
      title: name,
    })),
  },
};

const api = apiVersions([
  { version: '2025-06-01' },
  { version: '2025-01-01' },
  { version: '2024-06-01', deprecated: { sunset: '2026-12-31' } },
]);

const seen: { version: string; search: string | undefined }[] = [];
const getNote = api.route({
  method: 'GET',
  path: '/notes/{id}',
  summary: 'Get a note',
  schemas: { query: z.strictObject({ search: z.optional(z.string()) }) },
  responses: {
    200: { description: 'the note', body: noteV3 },
    404: { description: 'no such note', problem: true },
  },
  changes: [wrapInData, renameTitle],
  handler: (request) => {
    const query = request.query as { search?: string };
    seen.push({ version: request.version, search: query.search });
    if (request.params['id'] === 'missing')
      throw new ProblemError({ status: 404, title: 'Not Found' });
    return {
      status: 200,
      body: { data: { id: request.params['id'] as string, name: 'Groceries' } },
    };
  },
});

describe('apiVersions: a route written once for its newest version', () => {
  const router = new ApiRouter(getNote, { validateResponses: true });
  const call = async (version: string, path = '/notes/n1', query?: Record<string, string>) => {
    const result = await router.handler(proxyEvent({ path, version, ...(query && { query }) }));
    return { ...result, json: JSON.parse(result.body) as unknown };
  };

  beforeEach(() => seen.splice(0));

  it('serves the newest version exactly as the handler answers', async () => {
    const result = await call('2025-06-01');
    expect(result.statusCode).toBe(200);
    expect(result.json).toEqual({ data: { id: 'n1', name: 'Groceries' } });
    expect(result.headers['Deprecation']).toBeUndefined();
  });

  it('serves each older version by applying every newer change, newest first', async () => {
    expect((await call('2025-01-01')).json).toEqual({ id: 'n1', name: 'Groceries' });
    expect((await call('2024-06-01')).json).toEqual({ id: 'n1', title: 'Groceries' });
  });

  it('upgrades an older request before the newest schemas validate it', async () => {
    await call('2024-06-01', '/notes/n1', { q: 'milk' });
    await call('2025-06-01', '/notes/n1', { search: 'eggs' });
    expect(seen).toEqual([
      { version: '2024-06-01', search: 'milk' },
      { version: '2025-06-01', search: 'eggs' },
    ]);
    // The newest version knows no `q`: its strict schema refuses it.
    expect((await call('2025-06-01', '/notes/n1', { q: 'milk' })).statusCode).toBe(400);
  });

  it('leaves problems untouched in every version', async () => {
    const problem = await call('2024-06-01', '/notes/missing');
    expect(problem.statusCode).toBe(404);
    expect(problem.json).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('marks the versions the API declares deprecated, supersession dated by the next version', async () => {
    const result = await call('2024-06-01');
    expect(result.headers['Deprecation']).toBe(`@${Date.parse('2025-01-01T00:00:00Z') / 1000}`);
    expect(result.headers['Sunset']).toBe('Thu, 31 Dec 2026 00:00:00 GMT');
  });

  it('lists the versions the declarations produce when one is unsupported', async () => {
    const result = await call('2023-01-01');
    expect(result.statusCode).toBe(400);
    expect(result.json).toMatchObject({
      supportedVersions: ['2025-06-01', '2025-01-01', '2024-06-01'],
    });
  });

  it('turns any newest-shape body into one valid for each older version', () => {
    const older = [
      { chain: [wrapInData], schema: noteV2 },
      { chain: [wrapInData, renameTitle], schema: noteV1 },
    ];
    fc.assert(
      fc.property(
        fc.record({ data: fc.record({ id: fc.string(), name: fc.string() }) }),
        (body) => {
          for (const { chain, schema } of older) {
            expect(
              z.safeParse(schema, downgradeResponse(chain, { status: 200, body }).body).success,
            ).toBe(true);
          }
        },
      ),
    );
  });
});

describe('apiVersions: documents and changelog come from the same declarations', () => {
  const documents = openApiDocuments({
    title: 'Notes API',
    jsonSchema: (schema, io) =>
      z.toJSONSchema(schema as z.ZodMiniType, { io }) as Record<string, unknown>,
    routes: getNote,
  });

  it("documents each version's own response body", () => {
    const body = (version: string) =>
      documents.get(version)?.paths['/notes/{id}']?.['get']?.responses['200']?.content?.[
        'application/json'
      ]?.schema;
    expect(JSON.stringify(body('2025-06-01'))).toContain('"data"');
    expect(JSON.stringify(body('2025-01-01'))).toContain('"name"');
    expect(JSON.stringify(body('2024-06-01'))).toContain('"title"');
    expect(documents.get('2024-06-01')?.paths['/notes/{id}']?.['get']?.deprecated).toBe(true);
  });

  it("lists each change's description under the version that introduced it", () => {
    const history = apiChangelog(documents);
    const described = (version: string) =>
      history
        .find((entry) => entry.version === version)
        ?.changes.filter((change) => change.kind === 'changed');
    expect(described('2025-06-01')).toEqual([
      { kind: 'changed', operation: 'GET /notes/{id}', detail: wrapInData.description },
    ]);
    expect(described('2025-01-01')).toEqual([
      { kind: 'changed', operation: 'GET /notes/{id}', detail: renameTitle.description },
    ]);
  });
});

describe('apiVersions: a wrong declaration fails when the table is built', () => {
  const base = { method: 'GET', path: '/x', handler: () => ({ status: 200 }) } as const;
  const code = (build: () => unknown) => {
    try {
      build();
    } catch (error) {
      return error instanceof RouteDefinitionError ? error.code : 'other';
    }
    return 'none';
  };

  it('refuses versions that are not dates, or not newest first', () => {
    expect(code(() => apiVersions([{ version: '2025-13-01' }]))).toBe('invalid-version');
    expect(code(() => apiVersions([{ version: '2024-01-01' }, { version: '2025-01-01' }]))).toBe(
      'invalid-version',
    );
  });

  it('refuses a change naming an unknown or the oldest version, or listed out of order', () => {
    const two = apiVersions([{ version: '2025-01-01' }, { version: '2024-01-01' }]);
    const change = (version: string): VersionChange => ({ version, description: version });
    expect(code(() => two.route({ ...base, changes: [change('2024-06-01')] }))).toBe(
      'invalid-version-change',
    );
    expect(code(() => two.route({ ...base, changes: [change('2024-01-01')] }))).toBe(
      'invalid-version-change',
    );
    const three = apiVersions([
      { version: '2025-06-01' },
      { version: '2025-01-01' },
      { version: '2024-01-01' },
    ]);
    expect(
      code(() => three.route({ ...base, changes: [change('2025-01-01'), change('2025-06-01')] })),
    ).toBe('invalid-version-change');
  });

  it('refuses a response change for a body the newer version does not declare', () => {
    const two = apiVersions([{ version: '2025-01-01' }, { version: '2024-01-01' }]);
    const change: VersionChange = {
      version: '2025-01-01',
      description: 'renamed',
      responses: {
        200: responseChange(noteV2, { description: 'old', body: noteV1 }, ({ id, name }) => ({
          id,
          title: name,
        })),
      },
    };
    expect(code(() => two.route({ ...base, changes: [change] }))).toBe('invalid-version-change');
    expect(
      code(() =>
        two.route({
          ...base,
          responses: { 200: { description: 'other', body: noteV3 } },
          changes: [change],
        }),
      ),
    ).toBe('invalid-version-change');
  });

  it('serves a route only from its own first version on', () => {
    const two = apiVersions([{ version: '2025-01-01' }, { version: '2024-01-01' }]);
    expect(
      two.route({ ...base, since: '2025-01-01' }).map((definition) => definition.version),
    ).toEqual(['2025-01-01']);
    expect(code(() => two.route({ ...base, since: '2023-01-01' }))).toBe('invalid-version');
  });
});
