import { KeyMapFormatError } from '../key-map/key-map-format-error.js';
import { entryLabel } from '../key-map/key-names.js';
import { isInvalidEntry } from '../key-map/key-store.js';
import { parseKeyMapV2, type KeyMapV2Store } from '../key-map/parse-key-map-v2.js';
import { shardName, shardOfHashedName } from '../key-map/shards.js';
import { DEFAULT_MAX_SHARD_BYTES, SECRET_SIZE_LIMIT } from './shard-key-map.js';

export interface ShardText {
  /** Where the shard came from (a file or secret name), used in messages. */
  readonly name: string;
  readonly text: string;
}

export interface ShardCheckReport {
  /** Problems that make the set unfit to deploy (an authorizer would deny or ignore keys). */
  readonly errors: readonly string[];
  /** Worth fixing, harmless to deploy. */
  readonly warnings: readonly string[];
  readonly shardCount: number | undefined;
  readonly keys: number;
}

const STORED_NAME = /"(sha256:[0-9a-f]{64})"\s*:/g;

/**
 * Checks a complete set of shards as stored: sizes against Secrets Manager's 64 KB, every
 * entry validated (plans referenced but not defined included), each key in the shard its hash
 * selects, no key stored twice (within a shard's text or across shards), every shard present.
 */
export function checkKeyMapShards(shards: readonly ShardText[], options: { maxShardBytes?: number } = {}): ShardCheckReport {
  const maxBytes = options.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES;
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  const indexes = new Map<number, string>();
  const counts = new Set<number>();
  let keys = 0;

  for (const { name, text } of shards) {
    const bytes = Buffer.byteLength(text);
    if (bytes > SECRET_SIZE_LIMIT) errors.push(`${name}: ${bytes} bytes, over Secrets Manager's ${SECRET_SIZE_LIMIT}`);
    else if (bytes > maxBytes) warnings.push(`${name}: ${bytes} bytes, little headroom below ${SECRET_SIZE_LIMIT} (aim for ≤ ${maxBytes})`);

    const store = parseShard(name, text, errors);
    if (store === undefined) continue;
    const shard = store.shard;
    if (shard === undefined) {
      errors.push(`${name}: not a shard (no "shard": { index, count })`);
      continue;
    }
    counts.add(shard.count);
    const expectedName = shardName(shard.index);
    if (name.includes('shard-') && !name.includes(expectedName)) errors.push(`${name}: holds ${expectedName}, but is named otherwise`);
    const other = indexes.get(shard.index);
    if (other !== undefined) errors.push(`${name}: ${expectedName} is also in ${other}`);
    indexes.set(shard.index, name);

    for (const duplicate of duplicatesInText(text)) errors.push(`${name}: ${entryLabel(duplicate)} appears more than once`);
    const usedPlans = new Set<string>();
    let expired = 0;
    for (const stored of store.names()) {
      keys++;
      const label = entryLabel(stored);
      const elsewhere = seen.get(stored);
      if (elsewhere !== undefined) errors.push(`${name}: ${label} is also in ${elsewhere}`);
      seen.set(stored, name);
      const belongs = shardOfHashedName(stored, shard.count);
      if (belongs !== shard.index) errors.push(`${name}: ${label} belongs in ${shardName(belongs)}, where the authorizer looks for it`);
      const entry = store.entry(stored);
      if (entry === undefined) continue;
      if (isInvalidEntry(entry)) {
        errors.push(...entry.issues.map((issue) => `${name}: ${issue}`));
        continue;
      }
      for (const plan of entry.plans) usedPlans.add(plan);
      if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) expired++;
    }
    const unused = [...store.plans.keys()].filter((plan) => !usedPlans.has(plan));
    if (unused.length > 0) warnings.push(`${name}: plan(s) defined but not used: ${unused.join(', ')}`);
    if (expired > 0) warnings.push(`${name}: ${expired} expired key(s) (unknown keys now; remove them)`);
  }

  const [count, ...otherCounts] = [...counts];
  if (otherCounts.length > 0) errors.push(`shards disagree on the shard count: ${[...counts].join(', ')}`);
  if (count !== undefined && otherCounts.length === 0) {
    const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !indexes.has(index));
    if (missing.length > 0) errors.push(`missing shard(s) of ${count}: ${missing.map(shardName).join(', ')}`);
  }
  return { errors, warnings, shardCount: otherCounts.length === 0 ? count : undefined, keys };
}

function parseShard(name: string, text: string, errors: string[]): KeyMapV2Store | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    errors.push(`${name}: not valid JSON`);
    return undefined;
  }
  try {
    return parseKeyMapV2(json);
  } catch (error) {
    if (!(error instanceof KeyMapFormatError)) throw error;
    errors.push(...error.issues.map((issue) => `${name}: ${issue}`));
    return undefined;
  }
}

/** JSON.parse keeps the last of duplicate names silently; the text still shows them. */
function duplicatesInText(text: string): string[] {
  const counted = new Map<string, number>();
  for (const match of text.matchAll(STORED_NAME)) {
    const name = match[1] ?? '';
    counted.set(name, (counted.get(name) ?? 0) + 1);
  }
  return [...counted].filter(([, times]) => times > 1).map(([name]) => name);
}
