import { domains, servedPaths } from '@tollgate/domain-registry';
import { route } from '@tollgate/router';
import { loadRouteTables, RouteTableError } from '@tollgate/domain-registry';
import { servedPathsModule, servedPathsOf } from './served-paths.js';

const handler = () => ({ status: 204 as const });

describe('servedPathsOf', () => {
  it('lists each template once, sorted, whatever its methods and versions', () => {
    const routes = [
      route({ method: 'GET', path: '/r/{id}', version: '2025-01-01', handler }),
      route({ method: 'PUT', path: '/r/{id}', version: '2025-01-01', handler }),
      route({ method: 'GET', path: '/r/search', version: '2024-01-01', handler }),
      route({ method: 'GET', path: '/a', version: '2025-01-01', handler }),
    ];
    expect(servedPathsOf(routes)).toEqual(['/a', '/r/search', '/r/{id}']);
  });

  it('writes a module exporting them', () => {
    expect(servedPathsModule(['/a', "/b'c"])).toContain(
      `export const servedPaths: readonly string[] = [\n  '/a',\n  '/b\\'c',\n];`,
    );
  });

  it('refuses a RegExp path: the authorizer matches templates only', () => {
    const regExp = route({
      method: 'GET',
      path: /^\/r\/(?<id>.+)$/,
      version: '2025-01-01',
      handler,
    });
    expect(() => servedPathsOf([regExp])).toThrow(RouteTableError);
  });
});

describe('the registry’s served paths (libs/domain-registry/src/served-paths.ts)', () => {
  it('are every domain route table’s templates — else run `npx nx run openapi:served-paths`', async () => {
    const expected = servedPathsOf(await loadRouteTables(domains));
    expect(servedPaths).toEqual(expected);
  });
});
