import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashedKeyName } from '@tollgate/authz';
import { keyUsagePlans } from './key-usage-plans.js';

const dir = mkdtempSync(join(tmpdir(), 'key-usage-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const grant = { method: 'GET', path: '/resources' };
const file = join(dir, 'keys.json');
writeFileSync(
  file,
  JSON.stringify({
    version: 2,
    plans: { read: [grant], partner: [] },
    keys: {
      [hashedKeyName('sk_live_partner_key_1')]: {
        companyId: 42,
        userId: 1,
        plans: ['read', 'partner'],
      },
      [hashedKeyName('sk_live_default_key_1')]: { companyId: 42, userId: 2, plans: ['read'] },
    },
  }),
);

describe('keyUsagePlans', () => {
  it.each([
    ['per key', { mode: 'per-key', usagePlans: ['default', 'partner'] }],
    [
      'per plan',
      { mode: 'per-plan', namespace: 'tollgate-local', usagePlans: ['default', 'partner'] },
    ],
  ] as const)(
    'reads each key’s usage plan from the key map file, %s',
    async (_mode, usageIdentifiers) => {
      const usagePlanOf = keyUsagePlans({ apiKeysFile: file, usageIdentifiers });
      expect(await usagePlanOf('sk_live_partner_key_1')).toBe('partner');
      expect(await usagePlanOf('sk_live_default_key_1')).toBe('default');
    },
  );

  it('puts a key the map does not know, or an unreadable map, in default', async () => {
    const usageIdentifiers = { mode: 'per-key', usagePlans: ['default', 'partner'] } as const;
    expect(await keyUsagePlans({ apiKeysFile: file, usageIdentifiers })('sk_live_unknown')).toBe(
      'default',
    );
    const missing = keyUsagePlans({ apiKeysFile: join(dir, 'missing.json'), usageIdentifiers });
    expect(await missing('sk_live_partner_key_1')).toBe('default');
  });
});
