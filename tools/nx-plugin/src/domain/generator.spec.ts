import { resolve } from 'node:path';
import type { Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import domainGenerator, { requestedVersion } from './generator.js';

// The generator on a virtual tree over this very workspace: nothing is written to disk.
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
    tree = await generate({ name: 'orders', version: '2026-12-01' });
  }, 60_000);

  it('creates the domain lib and its thin Lambda app, serving the version asked for', () => {
    expect(text(tree, 'libs/domain-orders/src/http/routes.ts')).toContain("version: '2026-12-01'");
    expect(text(tree, 'libs/domain-orders/src/db/migrate.ts')).toContain(
      "table: 'orders_migration'",
    );
    expect(text(tree, 'apps/orders-lambda/src/main.ts')).toContain('ordersRoutes');
    expect(tree.exists('apps/orders-lambda/Dockerfile')).toBe(true);
  });

  it('appends the registry entry with the PostgreSQL contract', () => {
    expect(text(tree, 'libs/domain-registry/src/domains.ts')).toContain(
      [
        "    name: 'orders',",
        "    lambdaApp: 'orders-lambda',",
        "    imageName: 'orders',",
        "    basePaths: ['/orders'],",
        "    apiResources: ['/orders', '/orders/{proxy+}'],",
        '    runtime: postgresContract,',
      ].join('\n'),
    );
  });

  it.each(['dev', 'prod'])(
    'gives the Lambda memory and a timeout in %s, last in the block',
    (env) => {
      expect(text(tree, `libs/platform-config/src/environments/${env}.ts`)).toMatch(
        /\n {4}orders: \{ memorySize: 1024, timeoutSeconds: 10 \},\n {2}\},/,
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
    expect(paths(42)).toEqual(expect.arrayContaining(['/orders', '/orders/{id}']));
    expect(paths(43)).not.toContain('/orders');
  });

  it('adds the domain to the local API: its database and its banner lines', () => {
    const localDomains = text(tree, 'apps/local-api/src/local-domains.ts');
    expect(localDomains).toContain("import * as orders from '@tollgate/domain-orders/dev';");
    expect(localDomains).toContain('= [resources, orders];');
  });

  it('writes what `nx sync` and `npm install` would: references, lockfile entries', () => {
    expect(json(tree, 'tsconfig.json')['references']).toEqual(
      expect.arrayContaining([{ path: './libs/domain-orders' }, { path: './apps/orders-lambda' }]),
    );
    const packages = json(tree, 'package-lock.json')['packages'] as Record<string, unknown>;
    expect(packages['node_modules/@tollgate/domain-orders']).toEqual({
      resolved: 'libs/domain-orders',
      link: true,
    });
    expect(packages['apps/orders-lambda']).toMatchObject({ name: '@tollgate/orders-lambda' });
  });

  it('serves today’s date when no version is given', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const invoices = await generate({ name: 'invoices' });
    expect(text(invoices, 'libs/domain-invoices/src/http/routes.ts')).toContain(
      `version: '${today}'`,
    );
  }, 60_000);

  it.each(['Orders', '1orders', 'orders_', 'or--ders', ''])('refuses the name %p', async (name) => {
    await expect(generate({ name, version: '2026-12-01' })).rejects.toThrow(/domain name/);
  });

  it.each(['2026-13-01', '2026-02-30', 'today'])('refuses the version %p', async (version) => {
    await expect(generate({ name: 'orders', version })).rejects.toThrow(/--version/);
  });

  it('refuses a domain that exists', async () => {
    await expect(generate({ name: 'resources', version: '2026-12-01' })).rejects.toThrow(/already/);
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
