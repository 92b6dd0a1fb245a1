import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { findWorkspaceRoot } from '../src/workspace-root.js';

export const workspaceRoot = findWorkspaceRoot(process.cwd());

/** One `# <status>: <what>` comment and the curl line printed under it. */
export interface PrintedExample {
  readonly expectedStatus: number;
  readonly what: string;
  readonly curl: string;
}

export interface LocalApiProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly examples: readonly PrintedExample[];
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** The first output line containing `text`, once printed (the request log follows the response). */
  waitForLine(text: string, timeoutMs?: number): Promise<string>;
  /** Sends the signal; resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

const readyLine = 'Ctrl-C stops everything.';

/**
 * Runs `npm start`'s script (`tools/scripts/start.mjs --no-build`: the e2e target already built
 * the bundles) on a free port and waits for its banner.
 */
export async function startLocalApiProcess(
  env: Record<string, string | undefined>,
): Promise<LocalApiProcess> {
  const child = spawn(
    process.execPath,
    [join(workspaceRoot, 'tools/scripts/start.mjs'), '--no-build'],
    {
      cwd: workspaceRoot,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes(readyLine)) resolve();
    };
    child.stdout?.on('data', check);
    void exited.then((code) =>
      reject(new Error(`local API exited (${code}) before it was ready:\n${output}`)),
    );
  });

  const url = /ready at (http:\/\/\S+)/.exec(output)?.[1] ?? '';
  const examples = [...output.matchAll(/^ {2}# (\d{3}): (.+)\n {2}(curl .+)$/gm)].map((m) => ({
    expectedStatus: Number(m[1]),
    what: m[2] ?? '',
    curl: m[3] ?? '',
  }));
  return {
    child,
    url,
    examples,
    output: () => output,
    async waitForLine(text, timeoutMs = 5000) {
      const find = () => output.split('\n').find((line) => line.includes(text));
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
        const line = find();
        if (line !== undefined) return line;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no output line containing "${text}" within ${timeoutMs} ms:\n${output}`);
    },
    async stop(signal) {
      child.kill(signal);
      return exited;
    },
  };
}
