import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, configFromEnv, type Env } from '@tollgate/runtime-kit';
import * as z from 'zod/mini';
import { keyMapFileProblem } from './key-map-file-check.js';
import { type LocalLimits, localLimits } from './local-limits.js';

/** How `npm start` is configured: environment variables, validated once at start. */
export interface LocalConfig {
  readonly port: number;
  /** Unset: the embedded PostgreSQL. */
  readonly databaseUrl: string | undefined;
  /** Unset: the demo key map. */
  readonly apiKeysFile: string | undefined;
  /** The stage's and usage plans' limits: the dev config's, or `LOCAL_API_LIMITS`'s. */
  readonly limits: LocalLimits;
}

const envSchema = z.object({
  PORT: z._default(
    z.coerce
      .number({ error: 'must be a port number' })
      .check(
        z.int({ error: 'must be a port number' }),
        z.gte(0, { error: 'must be a port number' }),
        z.lte(65535, { error: 'must be a port number' }),
      ),
    3000,
  ),
  DATABASE_URL: z.optional(
    z
      .string()
      .check(z.regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  ),
  API_KEYS_FILE: z.optional(z.string().check(z.minLength(1))),
});

/**
 * Reads `PORT`, `DATABASE_URL`, `API_KEYS_FILE` and `LOCAL_API_LIMITS`; one `ConfigError` line
 * naming the variable.
 */
export function localConfigFromEnv(env: Env, cwd: string): LocalConfig {
  // An empty variable counts as unset.
  const { PORT, DATABASE_URL, API_KEYS_FILE } = configFromEnv(envSchema, {
    PORT: env['PORT'] || undefined,
    DATABASE_URL: env['DATABASE_URL'] || undefined,
    API_KEYS_FILE: env['API_KEYS_FILE'] || undefined,
  });
  const apiKeysFile = API_KEYS_FILE && resolve(cwd, API_KEYS_FILE);
  if (apiKeysFile && !existsSync(apiKeysFile)) {
    throw new ConfigError(`API_KEYS_FILE no such file: ${apiKeysFile}`);
  }
  const keyMapProblem = apiKeysFile && keyMapFileProblem(apiKeysFile);
  if (keyMapProblem) throw new ConfigError(`API_KEYS_FILE ${keyMapProblem}`);
  const limits = localLimits(env['LOCAL_API_LIMITS'] || undefined);
  return { port: PORT, databaseUrl: DATABASE_URL, apiKeysFile, limits };
}
