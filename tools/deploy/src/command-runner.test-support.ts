import { formatCommand, type Command } from './command.js';
import type { CommandRunner } from './command-runner.js';

/**
 * Records what would run, as shell lines. A command exits with the code of the first key of
 * `exitCodes` its line contains (default 0).
 */
export function recordingRunner(exitCodes: Record<string, number> = {}) {
  const ran: string[] = [];
  const runner: CommandRunner = {
    run: async (command: Command) => {
      const line = formatCommand(command);
      ran.push(line);
      const key = Object.keys(exitCodes).find((part) => line.includes(part));
      return key === undefined ? 0 : (exitCodes[key] ?? 0);
    },
  };
  return { runner, ran };
}
