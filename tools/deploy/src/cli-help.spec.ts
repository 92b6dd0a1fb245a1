import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The scripts as Nx runs them (tsx from the workspace root): `--help` is an answer, not an error.
const workspaceRoot = join(__dirname, '../../..');
const tsx = join(workspaceRoot, 'node_modules/.bin/tsx');

describe.each([
  ['deploy', 'tools/deploy/src/deploy.ts', /^usage: \[DEPLOY_ENV=<dev\|prod>\] \[DEPLOY_DRY_RUN=1\] tsx tools\/deploy\/src\/deploy\.ts <project>\n$/],
  ['rollback', 'tools/deploy/src/rollback.ts', /^usage: npx nx run deploy-tools:rollback -- --environment <dev\|prod> /],
])('%s --help', (_, script, usage) => {
  it.each(['--help', '-h'])('prints the usage on stdout and exits 0 (%s)', (flag) => {
    const result = spawnSync(tsx, [script, flag], { cwd: workspaceRoot, encoding: 'utf8', timeout: 60_000 });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(usage);
  }, 90_000);
});
