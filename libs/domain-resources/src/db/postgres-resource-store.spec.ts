import { DatabaseUnavailableError } from '@tollgate/postgres-kit';
import { createDatabase } from '@tollgate/postgres-kit/dev';
import { migrateToLatest } from './migrate.js';
import { createPostgresResourceStore } from './postgres-resource-store.js';
import type { ResourcesDatabase } from './schema.js';
import { demoCompanies, demoResourceIds, demoResources, seedDemoData } from './seed.js';
import type { ListPosition, Resource, ResourceStore } from '../resources/resource-store.js';
import { startTcpProxy } from '../testing/tcp-proxy.test-support.js';
import { backend, useTestDatabase } from '../testing/test-database.test-support.js';

const database = useTestDatabase();

describe(`PostgresResourceStore on ${backend}`, () => {
  let store: ResourceStore;

  beforeAll(async () => {
    await seedDemoData(database.db);
    store = createPostgresResourceStore(database.db);
  });

  describe('migrations and seed', () => {
    it('has nothing left to apply on a migrated database', async () => {
      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('seeds the same rows again without duplicating them', async () => {
      await seedDemoData(database.db);
      const { count } = await database.db
        .selectFrom('resources')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('company_id', 'in', [demoCompanies.acme, demoCompanies.globex])
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(demoResources().length);
    });
  });

  describe('findById', () => {
    it("returns the caller's own resource", async () => {
      const resource = await store.findById(demoCompanies.acme, demoResourceIds.acme);
      expect(resource).toMatchObject({
        id: demoResourceIds.acme,
        name: 'server-42-01',
        type: 'server',
        attributes: { region: 'us-east-1', tier: 'standard' },
      });
      expect(resource?.createdAt).toEqual(new Date('2024-12-01T10:00:00.000Z'));
    });

    it("does not find another company's resource", async () => {
      expect(await store.findById(demoCompanies.acme, demoResourceIds.globex)).toBeUndefined();
      expect(await store.findById(demoCompanies.globex, demoResourceIds.acme)).toBeUndefined();
    });

    it('does not find an unknown id', async () => {
      expect(
        await store.findById(demoCompanies.acme, '00000042-0000-4000-8000-999999999999'),
      ).toBeUndefined();
    });
  });

  describe('listPage', () => {
    const walk = async (companyId: string, limit: number) => {
      const seen: Resource[] = [];
      let after: ListPosition | undefined;
      let pages = 0;
      do {
        const page = await store.listPage(companyId, { limit, ...(after && { after }) });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        after = page.next;
        pages++;
      } while (after && pages < 100);
      return { ids: seen.map((r) => r.id), pages };
    };

    it("walks every one of the company's resources exactly once, in (created_at, id) order", async () => {
      const expected = demoResources()
        .filter((r) => r.company_id === demoCompanies.acme)
        .map((r) => r.id);
      const { ids, pages } = await walk(demoCompanies.acme, 7);
      expect(ids).toEqual(expected);
      expect(pages).toBe(4);
    });

    it('orders resources created in the same millisecond by id, without losing any', async () => {
      const createdAt = '2025-01-01T00:00:00.000Z';
      const ids = ['c', 'a', 'e', 'b', 'd'].map((x) => `0000004f-0000-4000-8000-00000000000${x}`);
      await database.db
        .insertInto('resources')
        .values(
          ids.map((id) => ({
            id,
            company_id: '79',
            name: id,
            type: 'tie',
            attributes: '{}',
            created_at: createdAt,
          })),
        )
        .execute();
      expect((await walk('79', 2)).ids).toEqual([...ids].sort());
    });

    it('ends with no next position when the last page is exactly full', async () => {
      const page = await store.listPage(demoCompanies.globex, { limit: 3 });
      expect(page.items).toHaveLength(3);
      expect(page.next).toBeUndefined();
    });

    it('returns an empty page for a company with no resources', async () => {
      expect(await store.listPage('999', { limit: 20 })).toEqual({ items: [], next: undefined });
    });
  });

  describe('when the database goes away', () => {
    it('fails with DatabaseUnavailableError (without crashing the process), then recovers when the database is back', async () => {
      const proxy = await startTcpProxy(database.url);
      const db = createDatabase<ResourcesDatabase>({ connectionString: proxy.url });
      const viaProxy = createPostgresResourceStore(db);
      try {
        expect(await viaProxy.findById(demoCompanies.acme, demoResourceIds.acme)).toBeDefined();

        await proxy.cut();
        const failure = await viaProxy
          .findById(demoCompanies.acme, demoResourceIds.acme)
          .catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(DatabaseUnavailableError);

        await expect(viaProxy.listPage(demoCompanies.acme, { limit: 5 })).rejects.toBeInstanceOf(
          DatabaseUnavailableError,
        );

        await proxy.restore();
        expect(await viaProxy.findById(demoCompanies.acme, demoResourceIds.acme)).toMatchObject({
          id: demoResourceIds.acme,
        });
      } finally {
        await db.destroy();
        await proxy.close();
      }
    });
  });
});
