import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoCompanies, demoResourceIds } from '@tollgate/domain-resources/dev';
import { type LocalApiProcess, startLocalApiProcess, workspaceRoot } from './local-api-process.js';

const run = promisify(execFile);

/** `npx tollgate-keys …` from the repository root, as a new user runs it. */
async function tollgateKeys(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('npx', ['--no-install', 'tollgate-keys', ...args], {
      cwd: workspaceRoot,
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
    };
  }
}

const firstLine = (text: string) => text.split('\n')[0] ?? '';

// The walk-through of the key lifecycle: the CLI alone creates, explains and revokes a key; the
// local API (the authorizer bundle, reading the map as a file source) follows the map.
describe('a key’s life, with tollgate-keys and npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'key-lifecycle-e2e-'));
  const map = join(dir, 'keys.json');
  let key = '';
  let api: LocalApiProcess | undefined;

  afterAll(() => api?.child.kill('SIGKILL'));

  it('creates a key for company 42 and stores only its hash', async () => {
    expect(demoCompanies.acme).toBe('42');
    const created = await tollgateKeys(
      'create',
      '--map',
      map,
      '--company',
      '42',
      '--user',
      '7',
      '--grant',
      'GET /resources?limit,cursor',
      '--grant',
      'GET /resources/{id}',
    );
    expect(created.code).toBe(0);
    key = firstLine(created.stdout);
    expect(key).toMatch(/^tg_live_[0-9A-Za-z]{38}$/);
    expect(readFileSync(map, 'utf8')).not.toContain(key);
  }, 90_000);

  it('explains: allow for GET /resources/<id>, deny for GET /analytics/daily-usage', async () => {
    expect(
      firstLine(
        (
          await tollgateKeys(
            'explain',
            '--map',
            map,
            key,
            'GET',
            `/resources/${demoResourceIds.acme}`,
          )
        ).stdout,
      ),
    ).toBe('allow');
    expect(
      firstLine(
        (await tollgateKeys('explain', '--map', map, key, 'GET', '/analytics/daily-usage')).stdout,
      ),
    ).toMatch(/^deny: /);
  }, 90_000);

  it('is served by npm start with API_KEYS_FILE: 200 with the key, 401 with its last character changed, 401 soon after revoke', async () => {
    api = await startLocalApiProcess({
      DATABASE_URL: undefined,
      API_KEYS_FILE: map,
      API_KEYS_CACHE_TTL_SECONDS: '1',
    });
    const url = api.url;
    const get = (apiKey: string) =>
      fetch(`${url}/resources/${demoResourceIds.acme}`, {
        headers: { 'X-Api-Key': apiKey, 'X-Api-Version': '2025-03-01' },
      });

    expect((await get(key)).status).toBe(200);
    const mistyped = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect((await get(mistyped)).status).toBe(401);

    expect((await tollgateKeys('revoke', '--map', map, key)).code).toBe(0);
    // With a 1 s cache TTL the revocation shows within seconds; the default (60 s) would not fit this window.
    let status = 0;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && status !== 401;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await get(key)).status;
    }
    expect(status).toBe(401);
  }, 120_000);
});
