import type { KeyMapV2Document } from '@tollgate/authz';
import { KeyMapFormatError } from '@tollgate/authz';
import { toKeyMapV2 } from '@tollgate/authz/offline';
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { InputError } from './input-error.js';

/** A version-2 map as the lifecycle commands edit it. */
export interface EditableKeyMap {
  plans: Record<string, KeyMapV2Document['plans'][string]>;
  keys: Record<string, KeyMapV2Document['keys'][string]>;
}

/** Reads and fully validates a key map file (either format, as version 2); a missing file is an empty map only if `createIfMissing`. */
export async function readKeyMapFile(file: string, options: { createIfMissing?: boolean } = {}): Promise<EditableKeyMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (options.createIfMissing && (error as { code?: unknown }).code === 'ENOENT') return { plans: {}, keys: {} };
    throw new InputError(`cannot read key map ${file}: ${(error as { code?: string }).code ?? 'error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message may quote the content: name the file only.
    throw new InputError(`key map ${file} is not valid JSON`);
  }
  const document = validated(json, file);
  return { plans: { ...document.plans }, keys: { ...document.keys } };
}

/**
 * Validates the edited map and replaces the file with it atomically (a temporary file in the
 * same directory, then a rename), so a failed command or a crash never leaves a half-written map.
 */
export async function writeKeyMapFile(file: string, map: EditableKeyMap): Promise<void> {
  const document = validated({ version: 2, plans: map.plans, keys: map.keys }, file);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new InputError(`cannot write key map ${file}: ${(error as { code?: string }).code ?? 'error'}`);
  }
}

function validated(json: unknown, file: string): KeyMapV2Document {
  try {
    return toKeyMapV2(json);
  } catch (error) {
    if (error instanceof KeyMapFormatError) throw new InputError(`key map ${file}: ${error.issues.join('; ')}`);
    throw error;
  }
}
