import {
  createScratchDatabase as createScratch,
  type ScratchDatabase,
} from '@tollgate/postgres-kit/dev';
import { migrateToLatest } from './migrate.js';

/** A fresh database with this domain's schema: on `serverUrl` (DATABASE_URL), else embedded. */
export const createScratchDatabase = (serverUrl?: string): Promise<ScratchDatabase> =>
  createScratch(serverUrl, migrateToLatest);
