import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway git repository holding this workspace's files, for running Nx against commits. */
export interface ScratchWorkspace {
  readonly dir: string;
  /** Appends a comment to `file` and commits it: HEAD~1..HEAD is then exactly that change. */
  commitChange(file: string): string;
  /** Commits every change in the working tree (e.g. a generator's); returns the new HEAD. */
  commitAll(message: string): string;
  /** The projects with `target` that HEAD~1..HEAD affects, sorted (`nx show projects --affected`). */
  affectedWithTarget(target: string): string[];
  /** Runs a command in the scratch workspace; stdout as text, throws with output on failure. */
  run(argv: readonly [string, ...string[]], env?: Readonly<Record<string, string>>): string;
  remove(): void;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@tollgate.invalid', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();

/**
 * Copies the workspace's files (tracked plus untracked-but-not-ignored: the working tree as it
 * would be committed) into a new repository with one commit. node_modules is linked entry by
 * entry, except the workspace packages, which point at the scratch copies.
 */
export function createScratchWorkspace(workspaceRoot: string): ScratchWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-scratch-'));
  const files = git(workspaceRoot, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(workspaceRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(workspaceRoot, file), join(dir, file));
  }

  const modules = join(workspaceRoot, 'node_modules');
  mkdirSync(join(dir, 'node_modules/@tollgate'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry !== '@tollgate' && entry !== '.cache') {
      symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
    }
  }
  for (const pkg of readdirSync(join(modules, '@tollgate'))) {
    // relative links (../../libs/x) resolve inside the scratch copy
    symlinkSync(
      readlinkSync(join(modules, '@tollgate', pkg)),
      join(dir, 'node_modules/@tollgate', pkg),
    );
  }

  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--no-verify', '-m', 'base');

  let changes = 0;
  return {
    dir,
    commitChange(file) {
      changes += 1;
      appendFileSync(join(dir, file), `\n// e2e change ${changes}\n`);
      git(dir, 'commit', '--quiet', '--no-verify', '--all', '-m', `change ${file}`);
      return git(dir, 'rev-parse', 'HEAD');
    },
    commitAll(message) {
      git(dir, 'add', '--all');
      git(dir, 'commit', '--quiet', '--no-verify', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },
    affectedWithTarget(target) {
      const output = this.run([
        'npx',
        'nx',
        'show',
        'projects',
        '--affected',
        '--base=HEAD~1',
        '--head=HEAD',
        `--withTarget=${target}`,
        '--json',
      ]);
      return (JSON.parse(output) as string[]).sort();
    },
    run([program, ...args], env = {}) {
      const { DEPLOY_ENV: _env, DEPLOY_DRY_RUN: _dryRun, ...inherited } = process.env;
      return execFileSync(program, args, {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...inherited,
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
          NX_TUI: 'false',
          NX_ISOLATE_PLUGINS: 'false',
          ...env,
        },
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
