import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '@tollgate/domain-resources/dev';
import type { ScratchDatabase } from '@tollgate/postgres-kit/dev';
import { gatewayProblemBody, gatewayProblems } from '@tollgate/domain-registry';
import { type RawAnswer, rawExchange } from '../src/gateway/raw-exchange.test-support.js';
import { summarizeKeyMap } from '../src/key-map-summary.js';
import { type LocalApiProcess, startLocalApiProcess, workspaceRoot } from './local-api-process.js';

// What a hostile client or a broken configuration meets, over real HTTP against `npm start`.

const demoKeys = summarizeKeyMap(join(workspaceRoot, 'apps/local-api/demo-keys.json'));
const fullKey = demoKeys.find((key) => key.companyId === '42')?.apiKey ?? '';
const listOnlyKey = demoKeys.find((key) => key.companyId === '43')?.apiKey ?? '';
const problemType = (slug: string) => `https://tollgate.dev/problems/${slug}`;

/** One request on its own connection; `headers` lines go out exactly as given, repeats included. */
function send(
  api: LocalApiProcess,
  method: string,
  path: string,
  headers: [string, string][],
  body = '',
): Promise<RawAnswer> {
  const head = [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    ...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []),
  ];
  return rawExchange(api.url, [`${head.join('\r\n')}\r\n\r\n${body}`]);
}

function expectProblemBody(answer: RawAnswer, status: number, type: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(JSON.parse(answer.body)).toMatchObject({ type });
}

describe('npm start against a hostile client', () => {
  let api: LocalApiProcess;
  const version: [string, string] = ['X-Api-Version', '2025-03-01'];

  beforeAll(async () => {
    api = await startLocalApiProcess({ DATABASE_URL: undefined, API_KEYS_FILE: undefined });
  }, 60_000);
  afterAll(() => api?.child.kill('SIGKILL'));

  describe('repeated headers: the same value counts once, different values are refused', () => {
    it('401 for two different X-Api-Key values, whichever comes first', async () => {
      for (const keys of [
        [fullKey, listOnlyKey],
        [listOnlyKey, fullKey],
      ]) {
        const headers: [string, string][] = keys.map((key) => ['X-Api-Key', key]);
        const answer = await send(api, 'GET', '/resources?limit=1', [...headers, version]);
        expect(answer.status).toBe(401);
        expect(JSON.parse(answer.body)).toEqual(
          gatewayProblemBody(gatewayProblems.unauthorized, answer.headers['x-amzn-requestid'] ?? ''),
        );
      }
    });

    it('400 conflicting-header for two different X-Api-Version values', async () => {
      const answer = await send(api, 'GET', '/resources?limit=1', [
        ['X-Api-Key', fullKey],
        ['X-Api-Version', '2024-12-01'],
        ['x-api-version', '2025-03-01'],
      ]);
      expectProblemBody(answer, 400, problemType('conflicting-header'));
    });

    it('200 for the same key and version sent twice', async () => {
      const answer = await send(api, 'GET', '/resources?limit=1', [
        ['X-Api-Key', fullKey],
        ['x-api-key', fullKey],
        version,
        version,
      ]);
      expect(answer.status).toBe(200);
    });
  });

  describe('errors raised below the gateway are problem+json', () => {
    it('431 for a header section over Node’s limit', async () => {
      const answer = await send(api, 'GET', '/resources', [['X-Padding', 'a'.repeat(20_000)]]);
      expectProblemBody(answer, 431, 'about:blank');
    });

    it('431 for a URL over Node’s limit', async () => {
      expectProblemBody(await send(api, 'GET', `/resources?${'a'.repeat(20_000)}`, []), 431, 'about:blank');
    });

    it('400 for a method Node does not know and a malformed request line', async () => {
      expectProblemBody(await send(api, 'BREW', '/resources', []), 400, 'about:blank');
      expectProblemBody(await rawExchange(api.url, ['GET /resources HTTP/9\r\n\r\n']), 400, 'about:blank');
    });

    it('417 for an Expect other than 100-continue', async () => {
      expectProblemBody(await send(api, 'GET', '/resources', [['Expect', 'teapot']]), 417, 'about:blank');
    });

    it('404 not-found for CONNECT instead of a closed socket', async () => {
      const answer = await send(api, 'CONNECT', 'example.com:443', []);
      expectProblemBody(answer, 404, gatewayProblems['not-found'].type);
    });
  });

  describe('a route that declares no body ignores one', () => {
    it('200 for a GET with a body that is not JSON', async () => {
      const answer = await send(
        api,
        'GET',
        '/resources?limit=1',
        [['X-Api-Key', fullKey], version, ['Content-Type', 'application/json']],
        '{"not": json',
      );
      expect(answer.status).toBe(200);
    });

    it('200 for a GET with 8 MB of nested JSON, which is never parsed', async () => {
      const nested = `${'['.repeat(4 * 1024 * 1024)}${']'.repeat(4 * 1024 * 1024 - 1)}`;
      const answer = await send(
        api,
        'GET',
        '/resources?limit=1',
        [['X-Api-Key', fullKey], version, ['Content-Type', 'application/json']],
        nested,
      );
      expect(answer.status).toBe(200);
    });
  });

  describe('no answer may be kept by a shared cache', () => {
    it('no-store and Vary on tenant data, router problems and gateway problems alike', async () => {
      const answers = [
        await send(api, 'GET', '/resources?limit=1', [['X-Api-Key', fullKey], version]),
        await send(api, 'GET', '/resources?limit=1', [['X-Api-Key', fullKey]]),
        await send(api, 'GET', '/resources?limit=1', [['X-Api-Key', 'sk_nobody_has_this'], version]),
        await send(api, 'GET', '/nowhere', []),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 400, 401, 404]);
      for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
      expect(answers[0]?.headers['vary']).toBe('X-Api-Version');
    });
  });
});

describe('npm start with a broken configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-api-hardening-'));
  const keyMapFile = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const entry = (companyId: unknown) =>
    JSON.stringify({
      sk_e2e_broken_0001: {
        companyId,
        userId: 1,
        authorizedRequests: [{ method: 'GET', path: '/resources' }],
      },
    });

  /** The start fails with exactly one line on its output, naming the file. */
  async function expectStartRefused(file: string, problem: RegExp) {
    const start = startLocalApiProcess({ DATABASE_URL: undefined, API_KEYS_FILE: file });
    const error = (await start.then(
      (api) => (api.child.kill('SIGKILL'), new Error('started')),
      (reason: unknown) => reason,
    )) as Error;
    const output = error.message.split('before it was ready:\n')[1] ?? error.message;
    expect(output.trimEnd().split('\n')).toHaveLength(1);
    expect(output).toMatch(
      new RegExp(`^local-api: invalid configuration: API_KEYS_FILE ${file}: ${problem.source}`),
    );
    expect(output).not.toContain('sk_e2e_broken_0001');
  }

  it('fails the start, naming the file, when API_KEYS_FILE is not JSON', async () => {
    await expectStartRefused(keyMapFile('not-json.json', '{"sk_e2e_broken_0001": {'), /is not valid JSON/);
  }, 30_000);

  // A key the authorizer accepted with a companyId the domains refuse would answer 500 on every
  // request: such a key map must not load. (Add 'acme' and 0 once authz enforces ^[1-9][0-9]{0,17}$.)
  it.each([-1, 1.5, '', 'acme', 0, '0', '007'])('fails the start, naming the file, for a companyId of %p', async (companyId) => {
    await expectStartRefused(keyMapFile(`company-${String(companyId)}.json`, entry(companyId)), /invalid key map: /);
  }, 30_000);

  describe('with a DATABASE_URL whose password is a query parameter', () => {
    let api: LocalApiProcess;
    let database: ScratchDatabase;

    beforeAll(async () => {
      database = await createScratchDatabase(process.env['DATABASE_URL'] || undefined);
      const url = new URL(database.url);
      url.searchParams.set('password', 'hunter2-in-the-query');
      api = await startLocalApiProcess({ DATABASE_URL: url.toString(), API_KEYS_FILE: undefined });
    }, 60_000);
    afterAll(async () => {
      api?.child.kill('SIGKILL');
      await database?.drop();
    });

    it('never prints the password', () => {
      expect(api.output()).toContain('password=***');
      expect(api.output()).not.toContain('hunter2');
    });
  });
});

describe('the scripts behind npm start answer --help', () => {
  it.each([
    ['tools/scripts/start.mjs', /^usage: npm start \[-- --no-build\]\n/],
    ['tools/scripts/bundle-lambda.mjs', /^usage: node tools\/scripts\/bundle-lambda\.mjs <app>/],
  ])('%s --help prints its usage and exits 0', (script, usage) => {
    const result = spawnSync(process.execPath, [join(workspaceRoot, script), '--help'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(usage);
  });
});
