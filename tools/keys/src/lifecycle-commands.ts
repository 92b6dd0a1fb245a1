import { generateApiKey, hashedKeyName, keyFingerprint, usageIdentifierOf, type ApiKeyEnvironment, type Decision } from '@tollgate/authz';
import { explainRequest, shardName, shardOfHashedName } from '@tollgate/authz/offline';
import { servedPaths } from '@tollgate/domain-registry';
import { parseArgs } from 'node:util';
import { parseDuration, parseExpiry } from './duration.js';
import { formatGrant, parseGrantSpec, sameGrant, type GrantSpec } from './grant-spec.js';
import { InputError } from './input-error.js';
import { readKeyMapFile, writeKeyMapFile, type EditableKeyMap } from './key-map-file.js';
import { FINGERPRINT, fingerprintOf, storedNameOf } from './key-reference.js';
import type { CommandOutput } from './keys-command.js';

/** What the lifecycle commands need besides their arguments; tests fix the clock. */
export interface LifecycleContext {
  readonly output: CommandOutput;
  readonly now: () => number;
}

export const LIFECYCLE_USAGE = `  tollgate-keys create --map <file> --company <id> --user <id> [--plan <name>]… [--grant '<METHOD> <path>[?q1,q2]']… [--expires <date>] [--env live|test]
      Issue a new key (tg_live_… by default). Prints the key (alone on stdout), once: only its sha256 is stored.
      Creates the map file if missing.
  tollgate-keys grant --map <file> <key|fingerprint> --grant '<METHOD> <path>[?q1,q2]'…
  tollgate-keys ungrant --map <file> <key|fingerprint> --grant '<METHOD> <path>[?q1,q2]'…
  tollgate-keys revoke --map <file> <key|fingerprint>
      Remove the key from the map (publish the map to take effect).
  tollgate-keys rotate --map <file> <key|fingerprint> --overlap <duration>
      A new key with the same identity, plans and grants (printed alone on stdout); the old key
      expires after the overlap (e.g. 24h, 30m, 7d).
  tollgate-keys show --map <file> <key|fingerprint> [--shards <n>]
      Identity, plans, grants, expiry, shard, and the usage id API Gateway counts the key under.
  tollgate-keys explain --map <file> <key|fingerprint> <METHOD> <path?query>
      First line: "allow" or "deny: <reason>", as the authorizer decides it (exit code 0 or 1).`;

const COMMANDS = ['create', 'grant', 'ungrant', 'revoke', 'rotate', 'show', 'explain'] as const;
export type LifecycleCommand = (typeof COMMANDS)[number];

export function isLifecycleCommand(command: string | undefined): command is LifecycleCommand {
  return (COMMANDS as readonly (string | undefined)[]).includes(command);
}

export async function runLifecycleCommand(command: LifecycleCommand, args: readonly string[], context: LifecycleContext): Promise<number> {
  switch (command) {
    case 'create':
      return create(args, context);
    case 'grant':
    case 'ungrant':
      return changeGrants(command, args, context);
    case 'revoke':
      return revoke(args, context);
    case 'rotate':
      return rotate(args, context);
    case 'show':
      return show(args, context);
    case 'explain':
      return explain(args, context);
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<T extends Options>(command: string, args: readonly string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, map: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const map = (parsed.values as Record<string, unknown>)['map'];
  if (typeof map !== 'string') throw new InputError(`${command} needs --map <file>`);
  if (parsed.positionals.length !== positionals) throw new InputError(`${command} takes ${positionals} argument(s), got ${parsed.positionals.length} (see --help)`);
  return { values: parsed.values, positionals: parsed.positionals, map };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

async function create(args: readonly string[], { output }: LifecycleContext): Promise<number> {
  const { values, map: file } = parse(
    'create',
    args,
    {
      company: { type: 'string' },
      user: { type: 'string' },
      plan: { type: 'string', multiple: true },
      grant: { type: 'string', multiple: true },
      expires: { type: 'string' },
      env: { type: 'string' },
    },
    0,
  );
  const { company, user, expires, env = 'live' } = values as { company?: string; user?: string; expires?: string; env?: string };
  if (company === undefined || user === undefined) throw new InputError('create needs --company <id> and --user <id>');
  if (env !== 'live' && env !== 'test') throw new InputError(`--env must be live or test, not "${env}"`);
  const plans = strings(values.plan);
  const grants = strings(values.grant).map(parseGrantSpec);
  const map = await readKeyMapFile(file, { createIfMissing: true });
  for (const plan of plans) if (map.plans[plan] === undefined) throw new InputError(`plan "${plan}" is not defined in ${file}`);
  const key = generateApiKey(env as ApiKeyEnvironment);
  map.keys[hashedKeyName(key)] = {
    companyId: identity(company),
    userId: identity(user),
    ...(plans.length > 0 ? { plans } : {}),
    ...(grants.length > 0 || plans.length === 0 ? { grants } : {}),
    ...(expires === undefined ? {} : { expiresAt: parseExpiry(expires) }),
    // Grant methods and paths are checked by the map's validation when it is written.
  } as EditableKeyMap['keys'][string];
  await writeKeyMapFile(file, map);
  output.out(key);
  output.err(`created key ${keyFingerprint(key)} for company ${company}, user ${user}: store it now, it is not shown again`);
  return 0;
}

/** A decimal id stays a number (as the example maps write it); anything else a string. */
function identity(value: string): number | string {
  return /^(0|[1-9]\d{0,14})$/.test(value) ? Number(value) : value;
}

async function changeGrants(command: 'grant' | 'ungrant', args: readonly string[], { output }: LifecycleContext): Promise<number> {
  const { values, positionals, map: file } = parse(command, args, { grant: { type: 'string', multiple: true } }, 1);
  const changes = strings(values.grant).map(parseGrantSpec);
  if (changes.length === 0) throw new InputError(`${command} needs at least one --grant '<METHOD> <path>[?q1,q2]'`);
  const map = await readKeyMapFile(file);
  const { storedName } = storedNameOf(map, positionals[0] ?? '');
  const entry = map.keys[storedName];
  let grants: readonly GrantSpec[] = entry?.grants ?? [];
  for (const change of changes) {
    const has = grants.some((grant) => sameGrant(grant, change));
    if (command === 'grant' && !has) grants = [...grants, change];
    if (command === 'ungrant') {
      if (!has) throw new InputError(`key ${fingerprintOf(storedName)} has no own grant ${formatGrant(change)}`);
      grants = grants.filter((grant) => !sameGrant(grant, change));
    }
  }
  map.keys[storedName] = { ...entry, grants } as EditableKeyMap['keys'][string];
  await writeKeyMapFile(file, map);
  output.out(`${command === 'grant' ? 'granted' : 'ungranted'} ${changes.map(formatGrant).join(', ')} for key ${fingerprintOf(storedName)}`);
  return 0;
}

async function revoke(args: readonly string[], { output }: LifecycleContext): Promise<number> {
  const { positionals, map: file } = parse('revoke', args, {}, 1);
  const map = await readKeyMapFile(file);
  const { storedName } = storedNameOf(map, positionals[0] ?? '');
  delete map.keys[storedName];
  await writeKeyMapFile(file, map);
  output.out(`revoked key ${fingerprintOf(storedName)}`);
  return 0;
}

async function rotate(args: readonly string[], { output, now }: LifecycleContext): Promise<number> {
  const { values, positionals, map: file } = parse('rotate', args, { overlap: { type: 'string' }, env: { type: 'string' } }, 1);
  if (typeof values.overlap !== 'string') throw new InputError('rotate needs --overlap <duration> (e.g. 24h; 0s ends the old key now)');
  const overlapMs = parseDuration('--overlap', values.overlap);
  const map = await readKeyMapFile(file);
  const { storedName } = storedNameOf(map, positionals[0] ?? '');
  const old = map.keys[storedName];
  if (old === undefined) throw new InputError(`no key ${fingerprintOf(storedName)} in the map`);
  const env = values.env ?? 'live';
  if (env !== 'live' && env !== 'test') throw new InputError(`--env must be live or test, not "${String(env)}"`);
  const key = generateApiKey(env);
  const oldEnd = Math.min(now() + overlapMs, old.expiresAt === undefined ? Infinity : Date.parse(old.expiresAt));
  map.keys[storedName] = { ...old, expiresAt: new Date(oldEnd).toISOString() };
  map.keys[hashedKeyName(key)] = old;
  await writeKeyMapFile(file, map);
  output.out(key);
  output.err(`rotated key ${fingerprintOf(storedName)} to ${keyFingerprint(key)}; the old key expires at ${new Date(oldEnd).toISOString()}`);
  return 0;
}

async function show(args: readonly string[], { output }: LifecycleContext): Promise<number> {
  const { values, positionals, map: file } = parse('show', args, { shards: { type: 'string' } }, 1);
  const shards = values.shards === undefined ? 1 : Number(values.shards);
  if (!Number.isInteger(shards) || shards < 1) throw new InputError('--shards must be a positive whole number');
  const map = await readKeyMapFile(file);
  const { storedName } = storedNameOf(map, positionals[0] ?? '');
  const entry = map.keys[storedName];
  if (entry === undefined) throw new InputError(`no key ${fingerprintOf(storedName)} in the map`);
  const planGrants = (entry.plans ?? []).flatMap((plan) => (map.plans[plan] ?? []).map((grant) => `${formatGrant(grant)} (plan ${plan})`));
  output.out(`key ${fingerprintOf(storedName)} (${storedName})`);
  output.out(`company ${entry.companyId}, user ${entry.userId}${entry.disabled ? ', disabled' : ''}`);
  output.out(`plans: ${(entry.plans ?? []).join(', ') || 'none'}`);
  output.out(`grants: ${[...planGrants, ...(entry.grants ?? []).map(formatGrant)].join('; ') || 'none'}`);
  output.out(`expires: ${entry.expiresAt ?? 'never'}`);
  output.out(`shard: ${shardName(shardOfHashedName(storedName, shards))} of ${shards}`);
  output.out(`usage id: ${usageIdentifierOf(storedName)}`);
  return 0;
}

async function explain(args: readonly string[], { output, now }: LifecycleContext): Promise<number> {
  const { positionals, map: file } = parse('explain', args, {}, 3);
  const [reference = '', method = '', target = ''] = positionals;
  if (!target.startsWith('/')) throw new InputError(`explain needs a path starting with /, not "${target}"`);
  const map = await readKeyMapFile(file);
  // The path as sent, as the authorizer sees it in `event.path`: not decoded here, nor dot-segment normalized as a URL would be.
  const [path = '', query = ''] = target.split('#', 1)[0]?.split(/\?(.*)/s) ?? [];
  const request = { method: method.toUpperCase(), path, queryParameterNames: [...new Set(new URLSearchParams(query).keys())] };
  // A fingerprint names a stored key; anything else is a presented key, judged as the authorizer judges it (checksum first).
  const named = FINGERPRINT.test(reference) ? storedNameOf(map, reference).storedName : undefined;
  const decision = explainRequest({ version: 2, ...map }, named === undefined ? { apiKey: reference } : { storedName: named }, request, now, servedPaths);
  output.out(describe(decision));
  return decision.effect === 'Allow' ? 0 : 1;
}

function describe(decision: Decision): string {
  if (decision.effect === 'Allow') return 'allow';
  if (decision.effect === 'Deny') return `deny: ${decision.reason} (key of company ${decision.key.companyId} has no grant for this method, path and query)`;
  return `deny: ${decision.reason} (answered 401)`;
}
