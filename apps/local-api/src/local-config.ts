import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { keyMapFileProblem } from './key-map-file-check.js';

/** How `npm start` is configured: environment variables, validated once at start. */
export interface LocalConfig {
  readonly port: number;
  /** Unset: the embedded PostgreSQL. */
  readonly databaseUrl: string | undefined;
  /** Unset: the demo key map. */
  readonly apiKeysFile: string | undefined;
}

export class LocalConfigError extends Error {
  override readonly name = 'LocalConfigError';
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  API_KEYS_FILE: z.string().min(1).optional(),
});

/** Reads `PORT`, `DATABASE_URL` and `API_KEYS_FILE`; one line naming the variable on error. */
export function localConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): LocalConfig {
  const parsed = envSchema.safeParse({
    PORT: env['PORT'] || undefined,
    DATABASE_URL: env['DATABASE_URL'] || undefined,
    API_KEYS_FILE: env['API_KEYS_FILE'] || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Never echo the value: DATABASE_URL may carry a password.
    throw new LocalConfigError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const apiKeysFile = parsed.data.API_KEYS_FILE && resolve(cwd, parsed.data.API_KEYS_FILE);
  if (apiKeysFile && !existsSync(apiKeysFile)) {
    throw new LocalConfigError(`API_KEYS_FILE: no such file: ${apiKeysFile}`);
  }
  const keyMapProblem = apiKeysFile && keyMapFileProblem(apiKeysFile);
  if (keyMapProblem) throw new LocalConfigError(`API_KEYS_FILE: ${keyMapProblem}`);
  return { port: parsed.data.PORT, databaseUrl: parsed.data.DATABASE_URL, apiKeysFile };
}
