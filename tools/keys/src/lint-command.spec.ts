import { keyFingerprint } from '@tollgate/authz';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runKeysCommand } from './keys-command.js';

const workspaceRoot = resolve(__dirname, '../../..');
let dir: string;
let mapFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keys-lint-'));
  mapFile = join(dir, 'keys.json');
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

describe('tollgate-keys lint', () => {
  it('passes a map made with the CLI whose grants the domains serve (exit code 0), and the demo map', async () => {
    const created = await keys(
      'create',
      '--map',
      mapFile,
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
    expect(await keys('lint', '--map', mapFile)).toEqual({
      code: 0,
      out: ['ok: 1 key(s), 0 plan(s), 0 finding(s)'],
      err: [],
    });
    expect(
      await keys('lint', '--map', join(workspaceRoot, 'apps/local-api/demo-keys.json')),
    ).toMatchObject({ code: 0, err: [] });
  });

  it('prints one line per finding, then a summary, with exit code 1; the map is not changed', async () => {
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
          'GET /resources?limit,sort',
          '--grant',
          'PUT /resources/{id}',
        )
      ).out[0] ?? '';
    const before = await readFile(mapFile, 'utf8');
    const result = await keys('lint', '--map', mapFile);
    expect(result).toEqual({
      code: 1,
      out: [
        `key ${keyFingerprint(key)}: grant GET /resources?limit,sort: query parameter "sort" is not declared by GET /resources`,
        `key ${keyFingerprint(key)}: grant PUT /resources/{id}: no domain serves PUT /resources/{id}`,
        'FAILED: 1 key(s), 0 plan(s), 2 finding(s)',
      ],
      err: [],
    });
    expect(result.out.join('\n')).not.toContain(key);
    expect(await readFile(mapFile, 'utf8')).toBe(before);
  });

  it('answers bad input with one line and exit code 2', async () => {
    expect(await keys('lint')).toEqual({
      code: 2,
      out: [],
      err: ['error: lint needs --map <file>'],
    });
    expect(await keys('lint', '--map', join(dir, 'missing.json'))).toEqual({
      code: 2,
      out: [],
      err: [`error: cannot read key map ${join(dir, 'missing.json')}: ENOENT`],
    });
    await writeFile(mapFile, '{"version": 2,');
    expect(await keys('lint', '--map', mapFile)).toEqual({
      code: 2,
      out: [],
      err: [`error: key map ${mapFile} is not valid JSON`],
    });
    expect((await keys('lint', '--map', mapFile, 'extra')).code).toBe(2);
  });

  it('is listed in --help with publish, which exits 0', async () => {
    const help = await keys('--help');
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toContain('\n  tollgate-keys lint --map <file>');
    expect(help.out.join('\n')).toContain(
      '\n  tollgate-keys publish --env <env> --map <file> [--dry-run]',
    );
  });
});
