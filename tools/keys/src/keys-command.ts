import { hashedKeyName, isShardCount, KeyMapFormatError, MAX_SHARDS } from '@tollgate/authz';
import {
  checkKeyMapShards,
  DEFAULT_MAX_SHARD_BYTES,
  shardKeyMap,
  shardName,
  shardOfHashedName,
  type KeyMapShard,
} from '@tollgate/authz/offline';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tollgate/platform-config';
import { InputError } from './input-error.js';
import { isLifecycleCommand, LIFECYCLE_USAGE, runLifecycleCommand } from './lifecycle-commands.js';
import { LINT_USAGE, runLint } from './lint-command.js';
import { OPENAPI_USAGE, runOpenApi } from './openapi-command.js';
import { MissingUsagePlanError } from './publish-plan.js';
import { awsClients, PUBLISH_USAGE, runPublish, type PublishDependencies } from './publish-command.js';
import { PublishError } from './publish-runner.js';
import { loadServedRoutes } from './served-routes.js';

/** Where the command writes: stdout and stderr lines (tests collect them). */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `usage: tollgate-keys <command> …
${LIFECYCLE_USAGE}
${LINT_USAGE}
${PUBLISH_USAGE}
${OPENAPI_USAGE}
  tollgate-keys shard <map.json> --out <dir> [--shards <n>] [--max-bytes <n>]
      Split a whole key map (version 1 or version 2 format) into shards <dir>/shard-000.json …,
      each at most --max-bytes (default ${DEFAULT_MAX_SHARD_BYTES}; a secret holds 65,536). Uses the fewest
      shards that fit unless --shards is given. Replaces any shard-*.json already in <dir>.
  tollgate-keys check <dir | shard.json …>
      Check a set of shards: sizes, every entry, plans referenced but not defined, keys in
      the wrong shard or stored twice, missing shards. Exit code 1 on any error.
  tollgate-keys locate <key | sha256:hex> --shards <n>
      Print a key's stored name and the shard that holds it (to revoke or rotate it).
  tollgate-keys --help
      Print this text.
Bad input (arguments, a key not in the map, an unreadable or invalid map) prints one line and exits with 2; the map is left as it was.`;

const SHARD_FILE = /^shard-\d{3}\.json$/;

const DEFAULT_DEPENDENCIES: PublishDependencies = { loadConfig, clients: awsClients, routes: loadServedRoutes };

/**
 * Runs `tollgate-keys <command> …`; returns the exit code. Errors are reported, never thrown.
 * Tests fix the clock and may replace the platform config, the AWS clients and the served routes.
 */
export async function runKeysCommand(
  argv: readonly string[],
  output: CommandOutput,
  now: () => number = Date.now,
  dependencies: Partial<PublishDependencies> = {},
): Promise<number> {
  const [command, ...rest] = argv;
  const { loadConfig, clients, routes } = { ...DEFAULT_DEPENDENCIES, ...dependencies };
  try {
    if (isLifecycleCommand(command)) return await runLifecycleCommand(command, rest, { output, now });
    switch (command) {
      case 'lint':
        return await runLint(rest, output, routes);
      case 'publish':
        return await runPublish(rest, output, { loadConfig, clients, routes });
      case 'openapi':
        return await runOpenApi(rest, output);
      case 'shard':
        return await shard(rest, output);
      case 'check':
        return await check(rest, output);
      case 'locate':
        return locate(rest, output);
      case 'help':
      case '--help':
      case '-h':
        output.out(USAGE);
        return 0;
      default:
        output.err(USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof InputError) {
      output.err(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError) {
      output.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof KeyMapFormatError) {
      output.err(error.issues.map((issue) => `error: ${issue}`).join('\n'));
      return 1;
    }
    if (error instanceof PublishError || error instanceof MissingUsagePlanError) {
      output.err(`error: ${error.message}`);
      return 1;
    }
    if (error instanceof RangeError || isNodeError(error)) {
      output.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {}

async function shard(args: readonly string[], output: CommandOutput): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, shards: { type: 'string' }, 'max-bytes': { type: 'string' } });
  const [mapFile, ...extra] = positionals;
  if (mapFile === undefined || extra.length > 0 || values.out === undefined) throw new UsageError('keys shard needs <map.json> and --out <dir>');
  const shards = values.shards === undefined ? undefined : count('--shards', values.shards);
  const maxShardBytes = values['max-bytes'] === undefined ? undefined : positiveInteger('--max-bytes', values['max-bytes']);

  const written = shardKeyMap(parseJson(mapFile, await readFile(mapFile, 'utf8')), { shards, maxShardBytes });
  await mkdir(values.out, { recursive: true });
  for (const stale of (await readdir(values.out)).filter((name) => SHARD_FILE.test(name))) await rm(join(values.out, stale));
  await Promise.all(written.map((piece) => writeFile(join(values.out ?? '', `${piece.name}.json`), piece.json)));
  output.out(summary(written, values.out));
  return 0;
}

function summary(written: readonly KeyMapShard[], dir: string): string {
  const range = (values: number[]) => `${Math.min(...values).toLocaleString('en-US')}–${Math.max(...values).toLocaleString('en-US')}`;
  const keys = written.reduce((sum, piece) => sum + piece.keys, 0);
  return [
    `wrote ${written.length} shard(s) to ${dir}: ${keys.toLocaleString('en-US')} keys, ${range(written.map((p) => p.keys))} keys and ` +
      `${range(written.map((p) => p.bytes))} bytes per shard`,
    `deploy: store ${dir}/shard-NNN.json as the secret <API_KEYS_SECRET_ID>/shard-NNN for each shard, then set API_KEYS_SHARDS=${written.length}`,
    `  e.g. aws secretsmanager put-secret-value --secret-id tollgate/keys/${written[0]?.name ?? 'shard-000'} --secret-string file://${dir}/${written[0]?.name ?? 'shard-000'}.json`,
  ].join('\n');
}

async function check(args: readonly string[], output: CommandOutput): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length === 0) throw new UsageError('keys check needs a directory or shard files');
  const files: string[] = [];
  for (const path of positionals) {
    if ((await stat(path)).isDirectory()) {
      files.push(...(await readdir(path)).filter((name) => SHARD_FILE.test(name)).sort().map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  if (files.length === 0) throw new UsageError(`no shard-NNN.json files in ${positionals.join(', ')}`);
  const shards = await Promise.all(files.map(async (file) => ({ name: basename(file), text: await readFile(file, 'utf8') })));
  const report = checkKeyMapShards(shards);
  for (const warning of report.warnings) output.err(`warning: ${warning}`);
  for (const error of report.errors) output.err(`error: ${error}`);
  output.out(
    `${report.errors.length === 0 ? 'ok' : 'FAILED'}: ${shards.length} shard file(s)` +
      `${report.shardCount === undefined ? '' : ` of ${report.shardCount}`}, ${report.keys.toLocaleString('en-US')} keys, ` +
      `${report.errors.length} error(s), ${report.warnings.length} warning(s)`,
  );
  return report.errors.length === 0 ? 0 : 1;
}

function locate(args: readonly string[], output: CommandOutput): number {
  const { values, positionals } = parse(args, { shards: { type: 'string' } });
  const [key, ...extra] = positionals;
  if (key === undefined || extra.length > 0 || values.shards === undefined) throw new UsageError('keys locate needs <key | sha256:hex> and --shards <n>');
  const stored = /^sha256:[0-9a-fA-F]{64}$/.test(key) ? key.toLowerCase() : hashedKeyName(key);
  output.out(`${stored} ${shardName(shardOfHashedName(stored, count('--shards', values.shards)))}`);
  return 0;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function count(flag: string, value: string): number {
  const parsed = positiveInteger(flag, value);
  if (!isShardCount(parsed)) throw new UsageError(`${flag} must be a whole number from 1 to ${MAX_SHARDS}`);
  return parsed;
}

function positiveInteger(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} must be a positive whole number`);
  return Number(value);
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the input, which holds keys: name the file only.
    throw new KeyMapFormatError([`${file} is not valid JSON`]);
  }
}

// Duck-typed: fs errors may come from another realm (under a test VM), where instanceof fails.
function isNodeError(error: unknown): error is { code: string; message: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}
