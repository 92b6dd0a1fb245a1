import { resolve } from 'node:path';
import type { Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import { domains } from '@tollgate/domain-registry';
import domainGenerator, { requestedVersion } from './generator.js';

// The generator on a virtual tree over this very workspace: nothing is written to disk. The
// names are ones no real domain takes, so the spec also passes after `nx g … orders`.
const workspaceRoot = resolve(__dirname, '../../../..');
const text = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';
const json = (tree: Tree, path: string) => JSON.parse(text(tree, path)) as Record<string, unknown>;

async function generate(options: { name: string; version?: string | boolean }): Promise<Tree> {
  const tree = new FsTree(workspaceRoot, false);
  await domainGenerator(tree, options);
  return tree;
}

describe('nx g @tollgate/nx-plugin:domain', () => {
  let tree: Tree;
  beforeAll(async () => {
    tree = await generate({ name: 'spec-widgets', version: '2026-12-01' });
  }, 60_000);

  it('creates the domain lib and its thin Lambda app, serving the version asked for', () => {
    expect(text(tree, 'libs/domain-spec-widgets/src/http/routes.ts')).toContain(
      "version: '2026-12-01'",
    );
    expect(text(tree, 'libs/domain-spec-widgets/src/db/migrate.ts')).toContain(
      "table: 'spec_widgets_migration'",
    );
    expect(text(tree, 'apps/spec-widgets-lambda/src/main.ts')).toContain('specWidgetsRoutes');
    expect(tree.exists('apps/spec-widgets-lambda/Dockerfile')).toBe(true);
  });

  it('appends the registry entry with the PostgreSQL contract', () => {
    expect(text(tree, 'libs/domain-registry/src/domains.ts')).toContain(
      [
        "    name: 'spec-widgets',",
        "    lambdaApp: 'spec-widgets-lambda',",
        "    imageName: 'spec-widgets',",
        "    basePaths: ['/spec-widgets'],",
        "    apiResources: ['/spec-widgets', '/spec-widgets/{proxy+}'],",
        '    runtime: postgresContract,',
      ].join('\n'),
    );
  });

  it('adds the new routes to the served paths the authorizer knows, in sorted order', () => {
    const served = text(tree, 'libs/domain-registry/src/served-paths.ts');
    const listed = [...served.matchAll(/^ {2}'(.*)',$/gm)].map((match) => match[1]);
    expect(listed).toEqual(
      expect.arrayContaining(['/spec-widgets', '/spec-widgets/{id}', '/resources']),
    );
    expect(listed).toEqual([...listed].sort());
  });

  it.each(['dev', 'prod'])(
    'gives the Lambda memory and a timeout in %s, last in the block',
    (env) => {
      expect(text(tree, `libs/platform-config/src/environments/${env}.ts`)).toMatch(
        /\n {4}specWidgets: \{ memorySize: 1024, timeoutSeconds: 10 \},\n {2}\},/,
      );
    },
  );

  it('grants both routes to the demo key of company 42 only', () => {
    const keys = json(tree, 'apps/local-api/demo-keys.json') as Record<
      string,
      { companyId: number; authorizedRequests: { path: string }[] }
    >;
    const paths = (companyId: number) =>
      Object.values(keys)
        .filter((key) => key.companyId === companyId)
        .flatMap((key) => key.authorizedRequests.map((grant) => grant.path));
    expect(paths(42)).toEqual(expect.arrayContaining(['/spec-widgets', '/spec-widgets/{id}']));
    expect(paths(43)).not.toContain('/spec-widgets');
  });

  it('adds the domain to the local API: its database and its banner lines', () => {
    const localDomains = text(tree, 'apps/local-api/src/local-domains.ts');
    expect(localDomains).toContain(
      "import * as specWidgets from '@tollgate/domain-spec-widgets/dev';",
    );
    expect(localDomains).toMatch(/= \[resources(, \w+)*, specWidgets\];/);
  });

  it('writes what `nx sync` and `npm install` would: references, lockfile entries', () => {
    expect(json(tree, 'tsconfig.json')['references']).toEqual(
      expect.arrayContaining([
        { path: './libs/domain-spec-widgets' },
        { path: './apps/spec-widgets-lambda' },
      ]),
    );
    const packages = json(tree, 'package-lock.json')['packages'] as Record<string, unknown>;
    expect(packages['node_modules/@tollgate/domain-spec-widgets']).toEqual({
      resolved: 'libs/domain-spec-widgets',
      link: true,
    });
    expect(packages['apps/spec-widgets-lambda']).toMatchObject({
      name: '@tollgate/spec-widgets-lambda',
    });
  });

  it('serves today’s date when no version is given', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const gadgets = await generate({ name: 'spec-gadgets' });
    expect(text(gadgets, 'libs/domain-spec-gadgets/src/http/routes.ts')).toContain(
      `version: '${today}'`,
    );
  }, 60_000);

  it.each(['Orders', '1orders', 'orders_', 'or--ders', ''])('refuses the name %p', async (name) => {
    await expect(generate({ name, version: '2026-12-01' })).rejects.toThrow(/domain name/);
  });

  it.each(['delete', 'class'])('refuses the reserved word %p', async (name) => {
    await expect(generate({ name, version: '2026-12-01' })).rejects.toThrow(/reserved word/);
  });

  it.each(['2026-13-01', '2026-02-30', 'today'])('refuses the version %p', async (version) => {
    await expect(generate({ name: 'spec-widgets', version })).rejects.toThrow(/--version/);
  });

  it('refuses a domain that exists', async () => {
    const [existing] = domains;
    await expect(generate({ name: existing?.name ?? '', version: '2026-12-01' })).rejects.toThrow(
      /already/,
    );
  });
});

describe('requestedVersion', () => {
  it('takes the option, else --version from the command line (Nx hands generators false)', () => {
    expect(requestedVersion('2026-12-01', [])).toBe('2026-12-01');
    expect(requestedVersion(false, ['nx', 'g', 'x', '--version=2026-12-01'])).toBe('2026-12-01');
    expect(requestedVersion(false, ['nx', 'g', 'x', '--version', '2026-12-01'])).toBe('2026-12-01');
    expect(requestedVersion(false, ['nx', 'g', 'x'])).toBeUndefined();
  });
});
