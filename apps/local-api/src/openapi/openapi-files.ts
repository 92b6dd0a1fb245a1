import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/** What `npm run openapi` writes: `index.json` and one document per version. */
export interface OpenApiFiles {
  /** `index.json` as written. */
  readonly index: Readonly<Record<string, unknown>>;
  /** Document by version. */
  readonly documents: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

const indexSchema = z.object({
  versions: z.array(
    z.object({
      version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      document: z.string().regex(/^[\w.-]+\.json$/),
    }),
  ),
});

export class OpenApiFilesError extends Error {
  override readonly name = 'OpenApiFilesError';
}

/** Reads the documents once at start-up: a missing or broken artifact stops the start. */
export function loadOpenApiFiles(dir: string): OpenApiFiles {
  const read = (name: string): Record<string, unknown> => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new OpenApiFilesError(
        `cannot read the OpenAPI document ${join(dir, name)} (run npm run openapi): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const index = read('index.json');
  const parsed = indexSchema.safeParse(index);
  if (!parsed.success) {
    throw new OpenApiFilesError(
      `${join(dir, 'index.json')} is not an OpenAPI index (run npm run openapi)`,
    );
  }
  const documents = new Map(
    parsed.data.versions.map(({ version, document }) => [version, read(document)]),
  );
  return { index, documents };
}
