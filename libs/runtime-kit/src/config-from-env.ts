import * as z from 'zod/mini';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Configuration a process cannot run with. One format everywhere: `invalid configuration: `
 * then each problem as `<VARIABLE> <what is wrong>`, never the value (a URL may hold a password).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(problems: string | readonly string[]) {
    super(`invalid configuration: ${[problems].flat().join('; ')}`);
  }
}

/** Validates the environment with a zod schema of its variables; every bad one is named in one `ConfigError` line. */
export function configFromEnv<Schema extends z.ZodMiniType>(
  schema: Schema,
  env: Env,
): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data as z.output<Schema>;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`),
  );
}
