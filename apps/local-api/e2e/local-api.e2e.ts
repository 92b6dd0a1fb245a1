import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createScratchDatabase, demoResourceIds } from '@tollgate/domain-resources/dev';
import type { ScratchDatabase } from '@tollgate/postgres-kit/dev';
import {
  type GatewayProblemSlug,
  gatewayProblemBody,
  gatewayProblems,
} from '@tollgate/domain-registry';
import pg from 'pg';
import { keyFingerprint } from '../src/gateway/request-log.js';
import { summarizeKeyMap } from '../src/key-map-summary.js';
import { contractCheckOf, curlExchange, heldToContract } from './contract-check.js';
import { type LocalApiProcess, startLocalApiProcess, workspaceRoot } from './local-api-process.js';

const demoKeys = summarizeKeyMap(join(workspaceRoot, 'apps/local-api/demo-keys.json'));
const keyOf = (companyId: string) => demoKeys.find((k) => k.companyId === companyId)?.apiKey ?? '';
const fullKey = keyOf('42');
const listOnlyKey = keyOf('43');
const problem = (slug: string) => `https://tollgate.dev/problems/${slug}`;

/** Requests to the running API; every answer is held to the OpenAPI document of its version. */
function client(api: () => LocalApiProcess) {
  return async (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    heldToContract(
      api().url,
      { method: init.method ?? 'GET', url: path, headers },
      await fetch(`${api().url}${path}`, { ...init, headers }),
    );
}

/** A problem the gateway itself answers: the registry's catalogue entry plus the request id. */
async function expectGatewayProblem(response: Response, slug: GatewayProblemSlug) {
  const expected = gatewayProblems[slug];
  expect(response.status).toBe(expected.status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const requestId = response.headers.get('x-amzn-requestid') ?? '';
  expect(await response.json()).toEqual(gatewayProblemBody(expected, requestId));
}

async function expectProblem(response: Response, status: number, slug: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: problem(slug), status });
  return body;
}

describe('npm start: embedded PostgreSQL, demo keys', () => {
  let api: LocalApiProcess;
  const get = client(() => api);
  const as = (apiKey: string, version = '2025-03-01') => ({
    'X-Api-Key': apiKey,
    'X-Api-Version': version,
  });

  beforeAll(async () => {
    api = await startLocalApiProcess({ DATABASE_URL: undefined, API_KEYS_FILE: undefined });
  }, 60_000);
  afterAll(() => api?.child.kill('SIGKILL'));

  it('prints the URL, the demo keys with their grants, and curl lines that work as printed', async () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const key of demoKeys) expect(api.output()).toContain(key.apiKey);
    expect(api.output()).toContain('GET /resources ?limit&cursor');
    expect(api.examples.length).toBeGreaterThanOrEqual(6);
    for (const example of api.examples) {
      const { stdout } = await promisify(execFile)('sh', ['-c', example.curl]);
      const check = await contractCheckOf(api.url);
      expect(check.violations(curlExchange(api.url, example.curl, stdout))).toEqual([]);
      expect(`${example.what}: ${stdout.split('\r\n')[0]}`).toMatch(
        new RegExp(`: HTTP/1.1 ${example.expectedStatus} `),
      );
    }
  });

  it('400: no X-Api-Key', async () => {
    await expectGatewayProblem(
      await get('/resources', { 'X-Api-Version': '2025-03-01' }),
      'missing-api-key',
    );
  });

  it('401: unknown key', async () => {
    await expectGatewayProblem(
      await get('/resources', as('sk_nobody_has_this_key')),
      'unauthorized',
    );
  });

  it('403: path not granted', async () => {
    await expectGatewayProblem(
      await get(`/resources/${demoResourceIds.globex}`, as(listOnlyKey)),
      'forbidden',
    );
    await expectGatewayProblem(
      await get('/analytics/daily-usage', as(listOnlyKey, '2024-12-01')),
      'forbidden',
    );
  });

  it('403: query parameter not granted', async () => {
    await expectGatewayProblem(await get('/resources?limit=1&sort=name', as(fullKey)), 'forbidden');
    expect((await get('/resources?limit=1', as(fullKey))).status).toBe(200);
  });

  it('400: missing, invalid or unsupported X-Api-Version', async () => {
    await expectProblem(await get('/resources', { 'X-Api-Key': fullKey }), 400, 'missing-version');
    await expectProblem(await get('/resources', as(fullKey, 'yesterday')), 400, 'invalid-version');
    const unsupported = await expectProblem(
      await get('/resources', as(fullKey, '2023-01-01')),
      400,
      'unsupported-version',
    );
    expect(unsupported['supportedVersions']).toEqual(['2025-03-01', '2024-12-01']);
  });

  it('404: a path no domain owns, before any key check', async () => {
    await expectGatewayProblem(await get('/nowhere', as(fullKey)), 'not-found');
    await expectGatewayProblem(await get('/nowhere'), 'not-found');
  });

  it("404: another company's resource", async () => {
    await expectProblem(
      await get(`/resources/${demoResourceIds.globex}`, as(fullKey)),
      404,
      'not-found',
    );
  });

  it('200: the current and the deprecated version of a resource', async () => {
    const current = await get(`/resources/${demoResourceIds.acme}`, as(fullKey));
    expect(current.status).toBe(200);
    expect(current.headers.get('x-api-version')).toBe('2025-03-01');
    expect(current.headers.get('deprecation')).toBeNull();
    expect(await current.text()).toContain(demoResourceIds.acme);

    const old = await get(`/resources/${demoResourceIds.acme}`, as(fullKey, '2024-12-01'));
    expect(old.status).toBe(200);
    expect(old.headers.get('x-api-version')).toBe('2024-12-01');
    expect(old.headers.get('deprecation')).toBeTruthy();
    expect(old.headers.get('sunset')).toBeTruthy();
    expect(await old.text()).toContain(demoResourceIds.acme);
  });

  it('200: a list scoped to the caller, paginated', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await get(`/resources?limit=2${query}`, as(listOnlyKey));
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        data: { id: string }[];
        pagination: { nextCursor: string | null };
      };
      ids.push(...page.data.map((resource) => resource.id));
      cursor = page.pagination.nextCursor;
    } while (cursor !== null);
    // Company 43 has 3 demo resources, company 42 has 25: none of 42's may appear.
    expect(ids).toHaveLength(3);
    expect(ids).toContain(demoResourceIds.globex);
    expect(ids).not.toContain(demoResourceIds.acme);
    expect(ids.filter((id) => !id.startsWith('00000043-'))).toEqual([]);
  });

  it('200: an analytics report from the external data API stand-in', async () => {
    const response = await get('/analytics/daily-usage', as(fullKey, '2024-12-01'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reportId: 'daily-usage', companyId: '42' });
  });

  it('502: the external data API fails, and nothing of its answer leaks', async () => {
    const body = await expectProblem(
      await get('/analytics/upstream-failure', as(fullKey, '2024-12-01')),
      502,
      'bad-gateway',
    );
    expect(JSON.stringify(body)).not.toMatch(/db\.query|simulated/);
  });

  it('logs one line per request with the principal and a key fingerprint, never the key', async () => {
    const response = await get('/resources?limit=1', as(fullKey));
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-amzn-requestid') ?? '';
    const line = await api.waitForLine(`req=${requestId}`);
    expect(line).toMatch(
      new RegExp(
        `^GET /resources 200 \\d+ms principal=42-7 key=${keyFingerprint(fullKey)} req=${requestId}$`,
      ),
    );
    const requestLog = api.output().split('Ctrl-C stops everything.')[1] ?? '';
    expect(requestLog).not.toContain(fullKey);
    expect(requestLog).not.toContain(listOnlyKey);
  });

  it('stops cleanly on SIGTERM', async () => {
    // Exit code 0: the shutdown finished before main.ts's grace timer (which exits 1) fired.
    expect(await api.stop('SIGTERM')).toBe(0);
    await expect(fetch(api.url)).rejects.toThrow();
  });
});

describe('npm start with API_KEYS_FILE and DATABASE_URL', () => {
  let api: LocalApiProcess;
  let database: ScratchDatabase;
  const get = client(() => api);
  const writerKey = 'sk_e2e_writer_0042';

  beforeAll(async () => {
    // CI's PostgreSQL when DATABASE_URL is set (a database of our own on it), else a second
    // embedded server standing in for an external one.
    database = await createScratchDatabase(process.env['DATABASE_URL'] || undefined);
    const dir = mkdtempSync(join(tmpdir(), 'local-api-e2e-'));
    const keysFile = join(dir, 'keys.json');
    writeFileSync(
      keysFile,
      JSON.stringify({
        [writerKey]: {
          companyId: 42,
          userId: 1,
          authorizedRequests: [
            { method: 'GET', path: '/resources' },
            { method: 'POST', path: '/resources' },
          ],
        },
      }),
    );
    api = await startLocalApiProcess({ DATABASE_URL: database.url, API_KEYS_FILE: keysFile });
  }, 60_000);
  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await database?.drop();
  });

  it('uses the keys of API_KEYS_FILE and prints none of them', async () => {
    expect(api.output()).not.toContain(writerKey);
    expect(
      (await get('/resources', { 'X-Api-Key': writerKey, 'X-Api-Version': '2025-03-01' })).status,
    ).toBe(200);
    await expectGatewayProblem(
      await get('/resources', { 'X-Api-Key': fullKey, 'X-Api-Version': '2025-03-01' }),
      'unauthorized',
    );
  });

  it('says before it starts that it seeds the DATABASE_URL database, then migrates and seeds it', async () => {
    const notice = api.output().indexOf('DATABASE_URL is set: migrating');
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(notice).toBeLessThan(api.output().indexOf('Tollgate local API ready'));
    expect(api.output()).toContain('upserting the demo rows');
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM resources WHERE id = $1', [
        demoResourceIds.acme,
      ]);
      expect(rows).toEqual([{ id: demoResourceIds.acme }]);
    } finally {
      await db.end();
    }
  });

  it('405: a granted method the domain does not serve', async () => {
    const response = await get(
      '/resources',
      { 'X-Api-Key': writerKey, 'X-Api-Version': '2025-03-01' },
      { method: 'POST', body: '{}' },
    );
    await expectProblem(response, 405, 'method-not-allowed');
    expect(response.headers.get('allow')).toContain('GET');
  });

  it('stops cleanly on SIGINT', async () => {
    expect(await api.stop('SIGINT')).toBe(0);
  });
});
