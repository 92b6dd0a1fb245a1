import type { DomainDefinition } from './domain-definition.js';
import { loadRouteTables, RouteTableError } from './route-tables.js';

const domain: DomainDefinition = {
  name: 'notes',
  lambdaApp: 'notes-lambda',
  imageName: 'notes',
  basePaths: ['/notes'],
  apiResources: ['/notes'],
  routeTableModule: '@example/notes/route-table',
  runtime: { aws: {}, local: {} },
};
const notes = { method: 'GET', path: '/notes', version: '2025-03-01' };

describe('loadRouteTables', () => {
  it('concatenates the routeTable() of each module the registry names', async () => {
    const imported: string[] = [];
    const routes = await loadRouteTables(
      [domain, { ...domain, routeTableModule: '@example/more' }],
      async (specifier) => {
        imported.push(specifier);
        return { routeTable: () => [notes] };
      },
    );
    expect(imported).toEqual(['@example/notes/route-table', '@example/more']);
    expect(routes).toEqual([notes, notes]);
  });

  it.each<[string, DomainDefinition, Record<string, unknown>, string]>([
    [
      'names no module',
      { ...domain, routeTableModule: undefined },
      {},
      'domain notes names no routeTableModule',
    ],
    [
      'exports no routeTable()',
      domain,
      { routes: [] },
      '@example/notes/route-table (domain notes) exports no routeTable() function',
    ],
    ['returns no array', domain, { routeTable: () => notes }, 'routeTable() returned no array'],
  ])('fails when a domain %s', async (_, definition, exports, message) => {
    const loading = loadRouteTables([definition], async () => exports);
    await expect(loading).rejects.toThrow(RouteTableError);
    await expect(loadRouteTables([definition], async () => exports)).rejects.toThrow(message);
  });
});
