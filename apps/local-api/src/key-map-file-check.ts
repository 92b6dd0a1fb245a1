import { readFileSync } from 'node:fs';
import { compileKeyMap, KeyMapFormatError } from '@tollgate/authz';

/**
 * Reads `file` the way the authorizer will and returns why it would refuse it, in one line
 * naming the file, or undefined when it loads. Without this check a bad map starts fine and the
 * authorizer then denies every request. Issues name entries by fingerprint, never by key, and a
 * JSON error is not quoted: its message can carry part of the text, keys included.
 */
export function keyMapFileProblem(file: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${file}: ${code ? `cannot be read (${code})` : 'is not valid JSON'}`;
  }
  try {
    compileKeyMap(json);
    return undefined;
  } catch (error) {
    if (error instanceof KeyMapFormatError) return `${file}: ${error.message}`;
    throw error;
  }
}
