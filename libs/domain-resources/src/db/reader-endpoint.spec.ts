import { createDatabase, type ScratchDatabase } from '@tollgate/postgres-kit/dev';
import { createLazyResourceStore, type LazyResourceStore } from './lazy-resource-store.js';
import type { ResourcesDatabase } from './schema.js';
import { createScratchDatabase } from './scratch-database.js';
import { demoCompanies, demoResourceIds, seedDemoData } from './seed.js';

// Two real databases stand in for a writer and its reader: only the reader holds the demo rows,
// so whichever answers shows where the store read from.
let writer: ScratchDatabase;
let reader: ScratchDatabase;
const opened: LazyResourceStore[] = [];

beforeAll(async () => {
  // One after the other: two embedded servers must not load and migrate at once.
  writer = await createScratchDatabase(process.env['DATABASE_URL']);
  reader = await createScratchDatabase(process.env['DATABASE_URL']);
  const db = createDatabase<ResourcesDatabase>({ connectionString: reader.url }, { max: 1 });
  try {
    await seedDemoData(db);
  } finally {
    await db.destroy();
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await Promise.all([writer?.drop(), reader?.drop()]);
});

const open = async (readerUrl?: string) => {
  const store = createLazyResourceStore({
    kind: 'url',
    url: writer.url,
    ...(readerUrl ? { readerUrl } : {}),
  });
  opened.push(store);
  return store;
};

describe('a configured reader endpoint', () => {
  it('serves the GETs: a row only the reader holds is found', async () => {
    const store = await open(reader.url);
    await expect(store.findById(demoCompanies.acme, demoResourceIds.acme)).resolves.toEqual(
      expect.objectContaining({ id: demoResourceIds.acme }),
    );
    const page = await store.listPage(demoCompanies.acme, { limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('is not used when none is configured: the writer answers', async () => {
    const store = await open();
    await expect(store.findById(demoCompanies.acme, demoResourceIds.acme)).resolves.toBeUndefined();
    await expect(store.listPage(demoCompanies.acme, { limit: 50 })).resolves.toEqual({
      items: [],
      next: undefined,
    });
  });
});
