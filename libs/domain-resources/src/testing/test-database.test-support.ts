import type { Kysely } from 'kysely';
import { createDatabase, type ScratchDatabase } from '@tollgate/postgres-kit/dev';
import { createScratchDatabase } from '../db/scratch-database.js';
import type { ResourcesDatabase } from '../db/schema.js';

/** Which backend this run uses: the server at DATABASE_URL, else embedded PGlite. */
export const backend = process.env['DATABASE_URL'] ? 'postgresql' : 'pglite';

/**
 * Gives the calling test file its own fresh, migrated database (created in beforeAll,
 * dropped in afterAll) and a Kysely instance on it.
 */
export function useTestDatabase(): {
  readonly url: string;
  readonly db: Kysely<ResourcesDatabase>;
} {
  let scratch: ScratchDatabase | undefined;
  let db: Kysely<ResourcesDatabase> | undefined;
  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env['DATABASE_URL']);
    db = createDatabase<ResourcesDatabase>({ connectionString: scratch.url });
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await scratch?.drop();
  });
  return {
    get url() {
      if (!scratch) throw new Error('useTestDatabase: used outside a test');
      return scratch.url;
    },
    get db() {
      if (!db) throw new Error('useTestDatabase: used outside a test');
      return db;
    },
  };
}
