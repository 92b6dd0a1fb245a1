import { shardOfHashedName } from '../key-map/shards.js';
import { keyMapV2Json } from '../testing/fixtures.js';
import { checkKeyMapShards, type ShardText } from './check-key-map-shards.js';
import { shardKeyMap } from './shard-key-map.js';

/** keyMapV2Json's keys plus `extra`, written as 2 shards by the shard tool. */
function twoShards(): ShardText[] {
  return shardKeyMap(keyMapV2Json, { shards: 2 }).map((shard) => ({ name: `${shard.name}.json`, text: shard.json }));
}

const parsed = (shard: ShardText | undefined) => JSON.parse(shard?.text ?? '{}') as { keys: Record<string, unknown>; plans: Record<string, unknown> };
const withDocument = (shard: ShardText | undefined, edit: (document: ReturnType<typeof parsed>) => void): ShardText => {
  const document = parsed(shard);
  edit(document);
  return { name: shard?.name ?? '', text: JSON.stringify(document) };
};

describe('checkKeyMapShards', () => {
  it('passes a set the shard tool wrote', () => {
    expect(checkKeyMapShards(twoShards())).toEqual({ errors: [], warnings: [], shardCount: 2, keys: 2 });
  });

  it('reports a shard over 64 KB as an error, and one with little headroom as a warning', () => {
    const [first, second] = twoShards();
    const padded = (bytes: number) => ({ name: first?.name ?? '', text: (first?.text ?? '') + ' '.repeat(bytes) });
    expect(checkKeyMapShards([padded(66_000), second as ShardText]).errors).toEqual([expect.stringMatching(/^shard-000.json: \d+ bytes, over Secrets Manager's 65536$/)]);
    expect(checkKeyMapShards([padded(61_000), second as ShardText]).warnings).toEqual([expect.stringContaining('little headroom')]);
  });

  it('reports a plan referenced but not defined', () => {
    const [first, second] = twoShards();
    const broken = withDocument(first, (document) => {
      for (const entry of Object.values(document.keys)) (entry as { plans?: string[] }).plans = ['admin'];
    });
    expect(checkKeyMapShards([broken, second as ShardText]).errors).toEqual([expect.stringContaining('.plans: plan "admin" is not defined')]);
  });

  it('reports a key stored twice in one shard’s text, which JSON.parse would silently merge', () => {
    const [first, second] = twoShards();
    const name = Object.keys(parsed(first).keys)[0] ?? '';
    const text = (first?.text ?? '').replace('"keys":{', `"keys":{"${name}":{"companyId":9,"userId":9},`);
    expect(checkKeyMapShards([{ name: first?.name ?? '', text }, second as ShardText]).errors).toEqual([
      `shard-000.json: entry ${name.slice(0, 15)}… appears more than once`,
    ]);
  });

  it('reports a key in a shard its hash does not select, and a key stored in two shards', () => {
    const [first, second] = twoShards();
    const [name, entry] = Object.entries(parsed(first).keys)[0] ?? [];
    const moved = withDocument(second, (document) => {
      document.keys[name ?? ''] = entry;
    });
    expect(shardOfHashedName(name ?? '', 2)).toBe(0);
    expect(checkKeyMapShards([first as ShardText, moved]).errors).toEqual([
      expect.stringMatching(/^shard-001.json: entry sha256:[0-9a-f]{8}… is also in shard-000.json$/),
      expect.stringMatching(/^shard-001.json: entry sha256:[0-9a-f]{8}… belongs in shard-000, where the authorizer looks for it$/),
    ]);
  });

  it('reports missing shards, disagreeing counts, misnamed files, invalid JSON and whole maps', () => {
    const [first, second] = twoShards();
    expect(checkKeyMapShards([first as ShardText]).errors).toEqual(['missing shard(s) of 2: shard-001']);
    const ofThree = shardKeyMap(keyMapV2Json, { shards: 3 }).map((shard) => ({ name: shard.name, text: shard.json }));
    expect(checkKeyMapShards([first as ShardText, ofThree[1] as ShardText]).errors).toEqual(['shards disagree on the shard count: 2, 3']);
    expect(checkKeyMapShards([{ name: 'shard-001.json', text: first?.text ?? '' }, second as ShardText]).errors).toEqual([
      'shard-001.json: holds shard-000, but is named otherwise',
    ]);
    expect(checkKeyMapShards([first as ShardText, { name: 'copy.json', text: first?.text ?? '' }]).errors).toEqual([
      'copy.json: shard-000 is also in shard-000.json',
      expect.stringMatching(/^copy.json: entry sha256:[0-9a-f]{8}… is also in shard-000.json$/),
      'missing shard(s) of 2: shard-001',
    ]);
    expect(checkKeyMapShards([{ name: 'a.json', text: '{' }]).errors).toEqual(['a.json: not valid JSON']);
    expect(checkKeyMapShards([{ name: 'whole.json', text: JSON.stringify(keyMapV2Json) }]).errors).toEqual([
      'whole.json: not a shard (no "shard": { index, count })',
    ]);
    expect(checkKeyMapShards([{ name: 'v1.json', text: JSON.stringify({ sk_live_x: {} }) }]).errors).toEqual([
      expect.stringContaining('unsupported key map version undefined'),
    ]);
  });

  it('warns about plans nobody uses and keys already expired', () => {
    const [first, second] = twoShards();
    const stale = withDocument(first, (document) => {
      document.plans['unused'] = [];
      for (const entry of Object.values(document.keys)) (entry as { expiresAt?: string }).expiresAt = '2020-01-01T00:00:00Z';
    });
    expect(checkKeyMapShards([stale, second as ShardText]).warnings).toEqual([
      'shard-000.json: plan(s) defined but not used: unused',
      'shard-000.json: 1 expired key(s) (unknown keys now; remove them)',
    ]);
  });
});
