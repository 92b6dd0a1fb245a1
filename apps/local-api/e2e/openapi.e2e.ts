import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { demoReports } from '@tollgate/domain-analytics/dev';
import { MAX_LIMIT } from '@tollgate/domain-resources';
import { demoCompanies, demoResourceIds } from '@tollgate/domain-resources/dev';
import type { OpenApiDocument, OpenApiParameter } from '@tollgate/router/openapi';
import { summarizeKeyMap } from '../src/key-map-summary.js';
import { contractCheckOf, heldToContract } from './contract-check.js';
import { type LocalApiProcess, startLocalApiProcess, workspaceRoot } from './local-api-process.js';

const demoKeys = summarizeKeyMap(join(workspaceRoot, 'apps/local-api/demo-keys.json'));
/** The demo key granted every route. */
const fullKey = demoKeys.find((key) => key.companyId === demoCompanies.acme)?.apiKey ?? '';

/** An id of the full key's company for each documented path parameter. */
const knownIds: Readonly<Record<string, string>> = {
  '/resources/{id}': demoResourceIds.acme,
  '/analytics/{reportId}':
    demoReports.find((report) => report.companyId === demoCompanies.acme)?.reportId ?? '',
};

describe('npm start: the OpenAPI documents, and every answer held to them', () => {
  let api: LocalApiProcess;
  const documents = new Map<string, OpenApiDocument>();

  let sent = 0;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    sent++;
    return heldToContract(
      api.url,
      { method: 'GET', url: path, headers },
      await fetch(`${api.url}${path}`, { headers }),
    );
  };

  beforeAll(async () => {
    api = await startLocalApiProcess({ DATABASE_URL: undefined, API_KEYS_FILE: undefined });
  }, 60_000);
  afterAll(() => api?.child.kill('SIGKILL'));

  it('lists the versions at /openapi and serves each document, without a key', async () => {
    const index = await fetch(`${api.url}/openapi`);
    expect(index.status).toBe(200);
    const { versions } = (await index.json()) as {
      versions: { version: string; document: string }[];
    };
    expect(versions.map(({ version }) => version)).toEqual(['2025-03-01', '2024-12-01']);
    for (const { version, document } of versions) {
      expect(document).toBe(`${version}.json`);
      const response = await fetch(`${api.url}/openapi/${document}`);
      expect(response.status).toBe(200);
      documents.set(version, (await response.json()) as OpenApiDocument);
    }
  });

  it('serves documents a real OpenAPI validator accepts, this local API first among the servers', async () => {
    for (const document of documents.values()) {
      await expect(
        SwaggerParser.validate(structuredClone(document) as never),
      ).resolves.toBeDefined();
      expect(document.servers?.[0]?.url).toBe(api.url);
    }
  });

  it('marks every operation of 2024-12-01 deprecated', () => {
    const operations = Object.values(documents.get('2024-12-01')?.paths ?? {}).flatMap((methods) =>
      Object.values(methods),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(operation.deprecated).toBe(true);
  });

  it('documents, for each GET, the 200, an unknown id’s 404, a malformed id’s 400 and an over-limit limit’s 400', async () => {
    const tried: string[] = [];
    for (const [version, document] of documents) {
      const headers = { 'X-Api-Key': fullKey, 'X-Api-Version': version };
      for (const [template, methods] of Object.entries(document.paths)) {
        const operation = methods['get'];
        if (operation === undefined) continue;
        const parameters = operation.parameters.filter((p): p is OpenApiParameter => 'name' in p);
        const pathParameter = parameters.find((p) => p.in === 'path');
        const at = (id: string) =>
          template.replace(`{${pathParameter?.name}}`, encodeURIComponent(id));
        const status = async (path: string) => (await get(path, headers)).status;

        if (pathParameter === undefined) {
          expect({ template, status: await status(template) }).toEqual({ template, status: 200 });
        } else {
          const known = knownIds[template];
          expect({ template, known }).toEqual({ template, known: expect.any(String) });
          const unknown =
            pathParameter.schema['format'] === 'uuid' ? randomUUID() : `no-such-${randomUUID()}`;
          expect({ template, status: await status(at(known ?? '')) }).toEqual({
            template,
            status: 200,
          });
          expect({ template, status: await status(at(unknown)) }).toEqual({
            template,
            status: 404,
          });
          expect({ template, status: await status(at('not.valid!')) }).toEqual({
            template,
            status: 400,
          });
        }
        if (parameters.some((p) => p.in === 'query' && p.name === 'limit')) {
          expect({ template, status: await status(`${template}?limit=${MAX_LIMIT + 1}`) }).toEqual({
            template,
            status: 400,
          });
        }
        tried.push(`${version} GET ${template}`);
      }
    }
    expect(tried).toHaveLength(6);
  });

  it('held every answer above to the document of its version', async () => {
    expect(sent).toBe(16);
    expect((await contractCheckOf(api.url)).count).toBe(sent);
  });

  it('fails an undocumented status, content type or shape', async () => {
    const check = await contractCheckOf(api.url);
    const exchange = {
      method: 'GET',
      url: '/resources?limit=1',
      version: '2025-03-01',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        data: [],
        pagination: { limit: 1, hasMore: false, nextCursor: null },
      }),
    };
    expect(check.violations(exchange)).toEqual([]);
    expect(check.violations({ ...exchange, status: 418 })).toEqual([
      expect.stringContaining('status not documented'),
    ]);
    expect(check.violations({ ...exchange, contentType: 'text/html' })).toEqual([
      expect.stringContaining('content type text/html not documented'),
    ]);
    expect(
      check.violations({ ...exchange, body: JSON.stringify({ items: [], next_cursor: null }) }),
    ).not.toEqual([]);
    // 2024-12-01's shape under 2025-03-01 is not the document's either way round.
    expect(check.violations({ ...exchange, version: '2024-12-01' })).not.toEqual([]);
    expect(
      check.violations({
        ...exchange,
        method: 'POST',
        status: 405,
        contentType: 'application/problem+json',
        body: '{"type":"x","title":"y"}',
      }),
    ).toEqual([]);
    expect(check.violations({ ...exchange, url: '/nowhere', status: 200 })).toEqual([
      expect.stringContaining('not documented for unmatched requests'),
    ]);
  });
});
