import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCommandRunner } from './command-runner.js';

describe('processCommandRunner', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'deploy-runner-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const node = (script: string) => [process.execPath, '-e', script] as const;

  it('resolves the exit code of the process', async () => {
    const runner = processCommandRunner(root);
    await expect(runner.run({ argv: node('process.exit(0)') }, 'ignore')).resolves.toBe(0);
    await expect(runner.run({ argv: node('process.exit(7)') }, 'ignore')).resolves.toBe(7);
  });

  it('runs in the command working directory below the root, with the extra environment', async () => {
    const runner = processCommandRunner(root, { DEPLOY_PROBE: 'seen' });
    const code = await runner.run(
      {
        argv: node(
          `require('fs').writeFileSync('here.txt', process.cwd() + ' ' + process.env.DEPLOY_PROBE)`,
        ),
        cwd: '.',
      },
      'ignore',
    );
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'here.txt'), 'utf8')).toBe(`${root} seen`);
  });

  it('reports a program that cannot start as a DeployError', async () => {
    const runner = processCommandRunner(root);
    await expect(runner.run({ argv: ['no-such-program-for-deploy'] }, 'ignore')).rejects.toThrow(
      'cannot start no-such-program-for-deploy: spawn no-such-program-for-deploy ENOENT',
    );
  });
});
