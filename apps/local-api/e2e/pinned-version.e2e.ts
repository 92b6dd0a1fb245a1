import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoResourceIds } from '@tollgate/domain-resources/dev';
import { type LocalApiProcess, startLocalApiProcess } from './local-api-process.js';

// A key may be pinned to an API version (opt-in): the authorizer passes the pin in its context
// and the router serves it to requests that name no version. Over real HTTP, through the same
// authorizer and Lambda bundles as AWS runs.
describe('a key pinned to an API version', () => {
  const pinned = 'sk_e2e_pinned_to_2024_12_01';
  const unpinned = 'sk_e2e_not_pinned_0042';
  const grants = [{ method: 'GET', path: '/resources/{id}', queryParameters: [] }];
  let api: LocalApiProcess | undefined;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pinned-version-e2e-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify({
        [pinned]: {
          companyId: 42,
          userId: 1,
          apiVersion: '2024-12-01',
          authorizedRequests: grants,
        },
        [unpinned]: { companyId: 42, userId: 2, authorizedRequests: grants },
      }),
    );
    api = await startLocalApiProcess({ DATABASE_URL: undefined, API_KEYS_FILE: file });
  }, 90_000);
  afterAll(() => api?.child.kill('SIGKILL'));

  const get = (apiKey: string, version?: string) =>
    fetch(`${api?.url}/resources/${demoResourceIds.acme}`, {
      headers: { 'X-Api-Key': apiKey, ...(version && { 'X-Api-Version': version }) },
    });

  it('is served its version without an X-Api-Version header', async () => {
    const response = await get(pinned);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-api-version')).toBe('2024-12-01');
    // 2024-12-01's shape: the bare resource, snake_case.
    expect(await response.json()).toMatchObject({
      id: demoResourceIds.acme,
      created_at: expect.any(String),
    });
  });

  it('still gets the version its request names', async () => {
    const response = await get(pinned, '2025-03-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-api-version')).toBe('2025-03-01');
    expect(await response.json()).toMatchObject({ data: { id: demoResourceIds.acme } });
  });

  it('leaves an unpinned key with today’s rule: no header, 400 missing-version', async () => {
    const response = await get(unpinned);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'https://tollgate.dev/problems/missing-version',
    });
  });
});
