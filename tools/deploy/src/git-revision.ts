import { execFileSync } from 'node:child_process';

export interface GitRevision {
  readonly sha: string;
  /** Tracked files that differ from the commit: an image built now would not be `sha`. */
  readonly changedFiles: readonly string[];
}

export function readGitRevision(workspaceRoot: string): GitRevision {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' });
  return {
    sha: git('rev-parse', 'HEAD').trim(),
    // porcelain lines are `XY path`: two status columns, a space, the path
    changedFiles: git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.slice(3)),
  };
}
