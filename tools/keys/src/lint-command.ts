import { parseArgs } from 'node:util';
import { InputError } from './input-error.js';
import { readKeyMapFile, type EditableKeyMap } from './key-map-file.js';
import type { CommandOutput } from './keys-command.js';
import { lintKeyMap } from './lint-key-map.js';
import type { ServedRoute } from './served-routes.js';

export const LINT_USAGE = `  tollgate-keys lint --map <file>
      Check the map against the routes the domains serve (their route tables): grants no domain
      serves, query parameter names a route does not declare, plans no key uses, keys without
      grants. One line per finding, then a summary; exit code 1 when there is any, 0 when the map is clean.`;

/** `lint --map <file>`: the findings on stdout, one a line, then a summary; exit code 1 when there is any. */
export async function runLint(
  args: readonly string[],
  output: CommandOutput,
  routes: () => Promise<readonly ServedRoute[]>,
): Promise<number> {
  const file = mapOption('lint', args, {}).map;
  const map = await readKeyMapFile(file);
  const findings = lintKeyMap(map, await routes());
  for (const finding of findings) output.out(finding);
  output.out(
    `${findings.length === 0 ? 'ok' : 'FAILED'}: ${summary(map)}, ${findings.length} finding(s)`,
  );
  return findings.length === 0 ? 0 : 1;
}

export function summary(map: EditableKeyMap): string {
  return `${Object.keys(map.keys).length.toLocaleString('en-US')} key(s), ${Object.keys(map.plans).length} plan(s)`;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** Parses `--map <file>` and the command's own options; no positionals. */
export function mapOption<T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
): { values: Record<string, string | boolean | undefined>; map: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, map: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new InputError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const map = (parsed.values as Record<string, unknown>)['map'];
  if (typeof map !== 'string') throw new InputError(`${command} needs --map <file>`);
  return { values: parsed.values as Record<string, string | boolean | undefined>, map };
}
