import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiChangelog, formatChangelog, type OpenApiDocument } from '@tollgate/router/openapi';

/** `index.json`: the versions, newest first, and where each one's document is. */
export interface DocumentIndex {
  readonly versions: readonly {
    readonly version: string;
    readonly document: string;
    readonly deprecated: boolean;
    readonly sunset?: string;
  }[];
}

export function documentIndex(documents: ReadonlyMap<string, OpenApiDocument>): DocumentIndex {
  return {
    versions: [...documents.values()].map(({ info }) => ({
      version: info.version,
      document: `${info.version}.json`,
      deprecated: info['x-deprecated'] === true,
      ...(info['x-sunset'] !== undefined && { sunset: info['x-sunset'] }),
    })),
  };
}

/**
 * Replaces `dir` with `<version>.json` per document, `index.json` and `CHANGELOG.md`: the
 * artifact served locally and published with the stage. Returns the files written.
 */
export function writeDocuments(
  dir: string,
  documents: ReadonlyMap<string, OpenApiDocument>,
): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = { 'index.json': json(documentIndex(documents)) };
  for (const [version, document] of documents) files[`${version}.json`] = json(document);
  files['CHANGELOG.md'] = formatChangelog('Tollgate API changelog', apiChangelog(documents));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
