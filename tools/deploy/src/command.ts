/** One process to start: argv[0] is the program; `cwd` is relative to the workspace root. */
export interface Command {
  readonly argv: readonly [string, ...string[]];
  readonly cwd?: string;
}

const plainWord = /^[\w@%+=:,./-]+$/;

function quote(word: string): string {
  return plainWord.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The command as a POSIX shell line that does the same when pasted at the workspace root. */
export function formatCommand({ argv, cwd }: Command): string {
  const line = argv.map(quote).join(' ');
  return cwd === undefined ? line : `(cd ${quote(cwd)} && ${line})`;
}
