import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { DeployError } from './deploy-error.js';

/** Starts processes; `inherit` shows their output, `ignore` discards it. Resolves the exit code. */
export interface CommandRunner {
  run(command: Command, output: 'inherit' | 'ignore'): Promise<number>;
}

/** Runs commands from `workspaceRoot` (plus each command's `cwd`) with `env` added to this process's. */
export function processCommandRunner(
  workspaceRoot: string,
  env: Readonly<Record<string, string>> = {},
): CommandRunner {
  return {
    run: ({ argv: [program, ...args], cwd }, output) =>
      new Promise((done, fail) => {
        const child = spawn(program, args, {
          cwd: resolve(workspaceRoot, cwd ?? '.'),
          env: { ...process.env, ...env },
          stdio: ['ignore', output, output],
        });
        child.on('error', (error) =>
          fail(new DeployError(`cannot start ${program}: ${error.message}`)),
        );
        child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
      }),
  };
}
