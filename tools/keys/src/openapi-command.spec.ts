import { keyFingerprint } from '@tollgate/authz';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeysCommand } from './keys-command.js';

let dir: string;
let mapFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keys-openapi-'));
  mapFile = join(dir, 'keys.json');
  await writeFile(
    join(dir, '2025-03-01.json'),
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Tollgate API', version: '2025-03-01' },
      paths: {
        '/resources': {
          get: {
            parameters: [
              { name: 'limit', in: 'query' },
              { name: 'cursor', in: 'query' },
            ],
          },
        },
        '/resources/{id}': { get: {} },
        '/analytics/{reportId}': { get: {} },
      },
    }),
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function keys(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCommand(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('tollgate-keys openapi', () => {
  it('writes the version’s document cut down to what the key may call', async () => {
    const key =
      (
        await keys(
          'create',
          '--map',
          mapFile,
          '--company',
          '42',
          '--user',
          '7',
          '--grant',
          'GET /resources?limit',
          '--grant',
          'GET /resources/{id}',
        )
      ).out[0] ?? '';
    const out = join(dir, 'for-42.json');
    const result = await keys(
      'openapi',
      '--map',
      mapFile,
      key,
      '--version',
      '2025-03-01',
      '--documents',
      dir,
      '--out',
      out,
    );
    expect(result).toMatchObject({
      code: 0,
      out: [],
      err: [
        expect.stringMatching(
          /^key [0-9a-f]{8}: 2 of 3 operation\(s\) of .*2025-03-01\.json, written to /,
        ),
      ],
    });
    expect(JSON.parse(await readFile(out, 'utf8')).paths).toEqual({
      '/resources': { get: { parameters: [{ name: 'limit', in: 'query' }] } },
      '/resources/{id}': { get: {} },
    });
    expect(result.err.join('\n')).not.toContain(key);

    const toStdout = await keys(
      'openapi',
      '--map',
      mapFile,
      keyFingerprint(key),
      '--version',
      '2025-03-01',
      '--documents',
      dir,
    );
    expect(toStdout.code).toBe(0);
    expect(Object.keys(JSON.parse(toStdout.out.join('\n')).paths)).toEqual([
      '/resources',
      '/resources/{id}',
    ]);
  });

  it('answers a missing document or bad arguments with one line and exit code 2', async () => {
    const key =
      (
        await keys(
          'create',
          '--map',
          mapFile,
          '--company',
          '42',
          '--user',
          '7',
          '--grant',
          'GET /resources/{id}',
        )
      ).out[0] ?? '';
    expect(
      await keys('openapi', '--map', mapFile, key, '--version', '2031-01-01', '--documents', dir),
    ).toEqual({
      code: 2,
      out: [],
      err: [
        `error: cannot read ${join(dir, '2031-01-01.json')}: ENOENT (run npm run openapi, or give --documents <dir>)`,
      ],
    });
    expect((await keys('openapi', '--map', mapFile, key, '--version', 'latest')).code).toBe(2);
    expect((await keys('openapi', '--map', mapFile, '--version', '2025-03-01')).code).toBe(2);
  });
});
