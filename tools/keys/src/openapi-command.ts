import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from './input-error.js';
import { readKeyMapFile } from './key-map-file.js';
import { fingerprintOf, storedNameOf } from './key-reference.js';
import type { CommandOutput } from './keys-command.js';
import { restrictOpenApiDocument, type OpenApiDocumentLike } from './restrict-openapi.js';

export const OPENAPI_USAGE = `  tollgate-keys openapi --map <file> <key|fingerprint> --version <v> [--documents <dir>] [--out <file>]
      The API version's OpenAPI document (from <dir>, default dist/openapi: run npm run openapi
      first) cut down to the operations and query parameters the key's grants allow. Written to
      --out, else to stdout.`;

const VERSION = /^\d{4}-\d{2}-\d{2}$/;

/** `openapi`: the document a key's holder needs, no operation it would be denied. */
export async function runOpenApi(args: readonly string[], output: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        map: { type: 'string' },
        version: { type: 'string' },
        documents: { type: 'string' },
        out: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new InputError(`openapi: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { map: file, version, documents = 'dist/openapi', out } = parsed.values;
  const [reference, ...extra] = parsed.positionals;
  if (file === undefined || reference === undefined || extra.length > 0 || version === undefined) {
    throw new InputError(
      'openapi needs --map <file>, one <key|fingerprint> and --version <YYYY-MM-DD>',
    );
  }
  if (!VERSION.test(version))
    throw new InputError(`--version must be an API version date (YYYY-MM-DD), not "${version}"`);

  const map = await readKeyMapFile(file);
  const { storedName } = storedNameOf(map, reference);
  const entry = map.keys[storedName];
  if (entry === undefined) throw new InputError(`no key ${fingerprintOf(storedName)} in the map`);
  const grants = [
    ...(entry.plans ?? []).flatMap((plan) => map.plans[plan] ?? []),
    ...(entry.grants ?? []),
  ];

  const source = join(documents, `${version}.json`);
  const restricted = restrictOpenApiDocument(await readDocument(source), grants);
  const text = `${JSON.stringify(restricted.document, null, 2)}\n`;
  if (out === undefined) output.out(text.trimEnd());
  else await writeAtomically(out, text);
  output.err(
    `key ${fingerprintOf(storedName)}: ${restricted.kept} of ${restricted.total} operation(s) of ${source}${out === undefined ? '' : `, written to ${out}`}`,
  );
  return 0;
}

async function readDocument(source: string): Promise<OpenApiDocumentLike> {
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${source}: ${(error as { code?: string }).code ?? 'error'} (run npm run openapi, or give --documents <dir>)`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new InputError(`${source} is not valid JSON`);
  }
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document) ||
    typeof paths !== 'object' ||
    paths === null
  ) {
    throw new InputError(`${source} is not an OpenAPI document (no paths)`);
  }
  return document as OpenApiDocumentLike;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new InputError(`cannot write ${file}: ${(error as { code?: string }).code ?? 'error'}`);
  }
}
