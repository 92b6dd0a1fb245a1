import { sql } from 'kysely';
import { createDatabase } from './create-database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import {
  createScratchDatabase,
  isStaleScratchDatabase,
  scratchDatabaseName,
} from './scratch-database.js';

const hour = 60 * 60_000;

describe('scratch database names', () => {
  it('carry their creation time, so that an hour later they count as stale', () => {
    const now = Date.UTC(2026, 10, 24, 12);
    const name = scratchDatabaseName(now);
    expect(name).toMatch(/^tg_test_\d+_[0-9a-f]{8}$/);
    expect(isStaleScratchDatabase(name, now + hour - 1000)).toBe(false);
    expect(isStaleScratchDatabase(name, now + hour + 1000)).toBe(true);
  });

  it.each(['tg_test_abc123', 'tollgate', 'tg_test_1_', 'xtg_test_1_ab'])(
    'never counts %p as stale',
    (name) => expect(isStaleScratchDatabase(name, Date.now() + 100 * hour)).toBe(false),
  );
});

describe('createScratchDatabase on a server', () => {
  // The shared PostgreSQL when DATABASE_URL is set, else a server of our own.
  let embedded: EmbeddedPostgres | undefined;
  let serverUrl: string;
  beforeAll(async () => {
    embedded = process.env['DATABASE_URL'] ? undefined : await startEmbeddedPostgres();
    serverUrl = process.env['DATABASE_URL'] || (embedded?.url ?? '');
  }, 60_000);
  afterAll(() => embedded?.stop());

  const databaseNames = async () => {
    const admin = createDatabase<unknown>({ connectionString: serverUrl }, { max: 1 });
    try {
      const { rows } = await sql<{ datname: string }>`SELECT datname FROM pg_database`.execute(admin);
      return rows.map((row) => row.datname);
    } finally {
      await admin.destroy();
    }
  };

  it('drops scratch databases left by runs killed over an hour ago, and its own on drop()', async () => {
    const stale = scratchDatabaseName(Date.now() - 2 * hour);
    const recent = scratchDatabaseName(Date.now() - 60_000);
    const admin = createDatabase<unknown>({ connectionString: serverUrl }, { max: 1 });
    try {
      for (const name of [stale, recent]) await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);

      const scratch = await createScratchDatabase(serverUrl, async () => undefined);
      const own = new URL(scratch.url).pathname.slice(1);
      const during = await databaseNames();
      expect(during).not.toContain(stale);
      expect(during).toEqual(expect.arrayContaining([recent, own]));

      await scratch.drop();
      expect(await databaseNames()).not.toContain(own);
    } finally {
      await sql`DROP DATABASE IF EXISTS ${sql.id(recent)}`.execute(admin);
      await admin.destroy();
    }
  }, 60_000);
});
