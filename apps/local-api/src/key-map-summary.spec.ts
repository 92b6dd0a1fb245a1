import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domains } from '@tollgate/domain-registry';
import { summarizeKeyMap } from './key-map-summary.js';
import { findWorkspaceRoot } from './workspace-root.js';

describe('summarizeKeyMap', () => {
  it('lists each key with its company, user and grants', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify({
        sk_a: {
          companyId: 42,
          userId: '7',
          authorizedRequests: [
            { method: 'GET', path: '/resources', queryParameters: ['limit', 'cursor'] },
            { method: 'GET', path: '/resources/{id}' },
          ],
        },
      }),
    );
    expect(summarizeKeyMap(file)).toEqual([
      {
        apiKey: 'sk_a',
        companyId: '42',
        userId: '7',
        grants: ['GET /resources ?limit&cursor', 'GET /resources/{id}'],
      },
    ]);
  });

  it('reads the demo key map: company 42 with every route, company 43 limited to GET /resources', () => {
    const keys = summarizeKeyMap(
      join(findWorkspaceRoot(process.cwd()), 'apps/local-api/demo-keys.json'),
    );
    expect(keys.map((k) => k.companyId)).toEqual(['42', '43']);
    const [acme, globex] = keys;
    expect(acme?.grants).toEqual(
      expect.arrayContaining([
        'GET /resources ?limit&cursor',
        'GET /resources/{id}',
        'GET /analytics/{reportId}',
      ]),
    );
    // Every domain, including generated ones, is granted to company 42.
    for (const basePath of domains.flatMap((domain) => domain.basePaths)) {
      expect(acme?.grants.some((grant) => grant.startsWith(`GET ${basePath}`))).toBe(true);
    }
    expect(globex?.grants).toEqual(['GET /resources ?limit&cursor']);
  });
});
