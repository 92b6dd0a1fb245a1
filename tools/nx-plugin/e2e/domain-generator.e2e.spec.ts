import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScratchWorkspace, type ScratchWorkspace } from '@tollgate/scratch-workspace';

// `nx g @tollgate/nx-plugin:domain` in a scratch copy of this workspace: afterwards, with no
// further command or edit, the new domain passes every check, is in the REST API, is served by
// `npm start`, and deploys on its own. Only the projects the generator touched are checked.
const name = 'orders';
const version = '2026-12-01';
const apiKey = 'sk_local_acme_all_grants_0042';

let workspace: ScratchWorkspace;

beforeAll(() => {
  workspace = createScratchWorkspace(process.cwd());
  workspace.run(['npx', 'nx', 'g', '@tollgate/nx-plugin:domain', name, `--version=${version}`]);
  workspace.commitAll(`feat: ${name} domain`);
});
afterAll(() => workspace?.remove());

const nx = (...args: string[]) => workspace.run(['npx', 'nx', ...args]);

describe(`nx g @tollgate/nx-plugin:domain ${name} --version=${version}`, () => {
  it('leaves the project references in sync', () => {
    expect(() => nx('sync:check')).not.toThrow();
  });

  it('passes lint and typecheck wherever it changed something, and the new lib’s tests', () => {
    // Each run throws, with the failing task's output, unless every task passes (and Jest fails
    // a project without tests).
    expect(() =>
      nx('affected', '-t', 'lint', 'typecheck', '--base=HEAD~1', '--head=HEAD'),
    ).not.toThrow();
    expect(() =>
      nx('run-many', '-t', 'build', 'test', '-p', `${name}-lambda`, `domain-${name}`),
    ).not.toThrow();
  });

  it(`gives the synthesized REST API /${name} and /${name}/{proxy+}`, () => {
    nx('run', 'infra:synth', '--', '-c', 'env=dev', '-c', 'features=api-gateway');
    const outdir = join(workspace.dir, 'dist/apps/infra/cdk.out/feature-sets/dev/api-gateway');
    const pathParts = readdirSync(outdir)
      .filter((file) => file.endsWith('.template.json'))
      .flatMap((file) => {
        const template = JSON.parse(readFileSync(join(outdir, file), 'utf8')) as {
          Resources?: Record<string, { Type: string; Properties?: { PathPart?: string } }>;
        };
        return Object.values(template.Resources ?? {})
          .filter((resource) => resource.Type === 'AWS::ApiGateway::Resource')
          .map((resource) => resource.Properties?.PathPart);
      });
    expect(pathParts).toEqual(expect.arrayContaining([name, '{proxy+}']));
  });

  it(`is served by npm start: GET /${name} 200, an unknown id a 404 problem`, async () => {
    const api = await startLocalApi(workspace.dir);
    try {
      const get = (path: string) =>
        fetch(`${api.url}${path}`, {
          headers: { 'X-Api-Key': apiKey, 'X-Api-Version': version },
        });

      const list = await get(`/${name}`);
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual({
        data: expect.arrayContaining([expect.objectContaining({ name: `${name}-42-1` })]),
        pagination: { limit: 20, hasMore: false, nextCursor: null },
      });

      const unknown = await get(`/${name}/6f1c1d3e-0b7a-4c55-9d6e-2a8f3b4c5d6e`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('application/problem+json');
      expect(await unknown.json()).toMatchObject({ status: 404 });

      // The start banner suggests the new routes too.
      expect(api.banner).toContain(`/${name}?limit=2`);
    } finally {
      await api.stop();
    }
  });

  it('deploys alone: a change inside the new lib affects only its Lambda', () => {
    workspace.commitChange(`libs/domain-${name}/src/index.ts`);
    expect(workspace.affectedWithTarget('deploy')).toEqual([`${name}-lambda`]);
  });
});

/** `npm start` (which builds the bundles, Nx-cached) on a free port, with its embedded database. */
async function startLocalApi(dir: string) {
  const { DATABASE_URL: _shared, ...env } = process.env;
  const child = spawn(process.execPath, ['tools/scripts/start.mjs'], {
    cwd: dir,
    env: { ...env, PORT: '0', NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything.')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const url = /ready at (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`no URL in the start banner:\n${output}`);
  return {
    url,
    banner: output,
    async stop() {
      child.kill('SIGINT');
      await exited;
    },
  };
}
