import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { ResourcesDatabase, ResourcesTable } from './schema.js';

/** Companies of the demo data; they match the local API's demo keys. */
export const demoCompanies = { acme: '42', globex: '43' } as const;

/** Resource ids that stay the same on every seed, for documentation and curl examples. */
export const demoResourceIds = {
  /** Company 42's first resource. */
  acme: demoResourceId(demoCompanies.acme, 1),
  /** Company 43's first resource (a 404 for company 42). */
  globex: demoResourceId(demoCompanies.globex, 1),
} as const;

const kinds = ['server', 'database', 'bucket', 'queue', 'cache'] as const;
const regions = ['eu-west-1', 'us-east-1', 'ap-southeast-2'] as const;
const seededAt = Date.parse('2024-12-01T09:00:00.000Z');

/** `0000004n-0000-4000-8000-00000000nnnn`: a valid v4-shaped UUID that reads as company/number. */
function demoResourceId(companyId: string, n: number): string {
  return `${companyId.padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Demo rows: company 42 has 25 resources (two pages at the default limit), company 43 has 3. */
export function demoResources(): Insertable<ResourcesTable>[] {
  const rows: Insertable<ResourcesTable>[] = [];
  for (const [companyId, count] of [
    [demoCompanies.acme, 25],
    [demoCompanies.globex, 3],
  ] as const) {
    for (let n = 1; n <= count; n++) {
      const type = kinds[(n - 1) % kinds.length] ?? 'server';
      const at = new Date(seededAt + n * 3_600_000).toISOString();
      rows.push({
        id: demoResourceId(companyId, n),
        company_id: companyId,
        name: `${type}-${companyId}-${String(n).padStart(2, '0')}`,
        type,
        attributes: JSON.stringify({
          region: regions[n % regions.length],
          tier: n % 2 ? 'standard' : 'premium',
        }),
        created_at: at,
        updated_at: at,
      });
    }
  }
  return rows;
}

/** Inserts (or restores) the demo rows; running it twice leaves the same data. */
export async function seedDemoData(db: Kysely<ResourcesDatabase>): Promise<number> {
  const rows = demoResources();
  await db
    .insertInto('resources')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        type: eb.ref('excluded.type'),
        attributes: eb.ref('excluded.attributes'),
        created_at: eb.ref('excluded.created_at'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  return rows.length;
}
