import { readFile } from 'node:fs/promises';
import { KeyMapSourceError } from './key-map-source-error.js';
import type { KeyMapSource } from './key-map-source.js';

/** A key map in a local JSON file (`API_KEYS_FILE`): for local runs, tests and the local API. */
export function fileKeyMapSource(path: string): KeyMapSource {
  return {
    description: `file ${path}`,
    async load() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        throw new KeyMapSourceError(`cannot read key map file ${path}`, { cause: error });
      }
    },
  };
}
