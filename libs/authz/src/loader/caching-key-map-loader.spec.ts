import { hashedKeyName } from '../key-map/key-names.js';
import { KeyMapSourceError } from '../sources/key-map-source-error.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import { PLAIN_KEY, keyMapJson, keyMapV2Json, recordingLogger, identityOf } from '../testing/fixtures.js';
import { CachingKeyMapLoader, type CachingKeyMapLoaderOptions } from './caching-key-map-loader.js';

/** A source whose next answers the test decides, counting loads. */
function scriptedSource(...answers: Array<unknown | Error>) {
  const source = {
    description: 'scripted',
    loads: 0,
    next: [...answers],
    async load(): Promise<unknown> {
      source.loads++;
      const answer = source.next.length > 1 ? source.next.shift() : source.next[0];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return source;
}

const good = JSON.stringify(keyMapJson);
const renamed = JSON.stringify({ other_key: keyMapJson[PLAIN_KEY] });

/** A source whose first load answers the good map at once, and later loads when the test says. */
function sourceWithPendingReload() {
  let finish: (text: string) => void = () => undefined;
  const source = {
    description: 'slow',
    loads: 0,
    load: () => (++source.loads === 1 ? Promise.resolve<unknown>(good) : new Promise<unknown>((resolve) => (finish = resolve))),
    finishReload: (text: string) => finish(text),
  };
  return source;
}
const outage = new KeyMapSourceError('cannot read secret s', { cause: Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }) });

function setup(source: KeyMapSource, options: Partial<CachingKeyMapLoaderOptions> = {}) {
  const clock = { now: 1_000_000 };
  const logger = recordingLogger();
  const loader = new CachingKeyMapLoader({ source, logger, now: () => clock.now, ttlMs: 60_000, graceMs: 300_000, retryAfterMs: 5_000, ...options });
  const knows = async () => identityOf(await loader.keyMapFor(PLAIN_KEY), PLAIN_KEY) !== undefined;
  return { clock, logger, loader, knows };
}

describe('CachingKeyMapLoader', () => {
  it('loads once and serves the map from memory until the TTL expires, then reloads', async () => {
    const source = scriptedSource(good);
    const { clock, knows, logger } = setup(source);
    expect(await knows()).toBe(true);
    clock.now += 59_999;
    expect(await knows()).toBe(true);
    expect(source.loads).toBe(1);
    clock.now += 1;
    expect(await knows()).toBe(true);
    expect(source.loads).toBe(2);
    expect(logger.records[0]).toMatchObject({ level: 'info', message: 'key map loaded', fields: { source: 'scripted', keys: 2 } });
  });

  it('accepts a parsed object as well as JSON text', async () => {
    expect(await setup(scriptedSource(keyMapJson)).knows()).toBe(true);
  });

  it('shares one load between concurrent callers', async () => {
    const source = scriptedSource(good);
    const { loader } = setup(source);
    const maps = await Promise.all([loader.keyMapFor('a'), loader.keyMapFor('b'), loader.keyMapFor('c')]);
    expect(source.loads).toBe(1);
    expect(new Set(maps).size).toBe(1);
  });

  it('while a reload is in flight, answers other callers with the last good map instead of making them wait', async () => {
    const source = sourceWithPendingReload();
    const { clock, loader, knows } = setup(source);
    const first = await loader.keyMapFor(PLAIN_KEY);
    clock.now += 60_000;
    const reloading = loader.keyMapFor(PLAIN_KEY);

    await expect(loader.keyMapFor(PLAIN_KEY)).resolves.toBe(first);
    expect(source.loads).toBe(2);
    source.finishReload(renamed);
    expect(identityOf(await reloading, PLAIN_KEY)).toBeUndefined();
    expect(await knows()).toBe(false);
  });

  it('makes callers wait for an in-flight reload once the last good map is past its grace period', async () => {
    const source = sourceWithPendingReload();
    const { clock, loader } = setup(source);
    await loader.keyMapFor(PLAIN_KEY);
    clock.now += 60_000 + 300_000;
    const callers = [loader.keyMapFor(PLAIN_KEY), loader.keyMapFor(PLAIN_KEY)];
    source.finishReload(renamed);

    const [a, b] = await Promise.all(callers);
    expect(a).toBe(b);
    expect(identityOf(a, 'other_key')).toBeDefined();
    expect(source.loads).toBe(2);
  });

  it('picks up a changed map after the TTL (revocation takes at most one TTL)', async () => {
    const source = scriptedSource(good, renamed);
    const { clock, knows } = setup(source);
    expect(await knows()).toBe(true);
    clock.now += 60_000;
    expect(await knows()).toBe(false);
  });

  it('keeps serving the last good map through refresh failures for the grace period, then fails closed', async () => {
    const source = scriptedSource(good, outage);
    const { clock, knows, logger } = setup(source);
    expect(await knows()).toBe(true);
    clock.now += 60_000 + 300_000 - 1;
    expect(await knows()).toBe(true);
    expect(logger.records.at(-1)).toMatchObject({
      level: 'error',
      message: 'key map load failed; serving the last good key map',
      fields: { error: 'KeyMapSourceError', cause: 'ThrottlingException', failClosed: false },
    });
    clock.now += 5_000;
    expect(await knows()).toBe(false);
    expect(logger.records.at(-1)).toMatchObject({
      message: 'key map load failed; no usable key map, denying every request',
      fields: { failClosed: true },
    });
  });

  it('recovers on the first successful load after failing closed', async () => {
    const source = scriptedSource(outage, good);
    const { clock, knows } = setup(source);
    expect(await knows()).toBe(false);
    clock.now += 5_000;
    expect(await knows()).toBe(true);
  });

  it('waits retryAfterMs between attempts after a failure instead of calling the source per request', async () => {
    const source = scriptedSource(outage);
    const { clock, knows, logger } = setup(source);
    for (let i = 0; i < 5; i++) expect(await knows()).toBe(false);
    expect(source.loads).toBe(1);
    expect(logger.records).toHaveLength(1);
    clock.now += 5_000;
    await knows();
    expect(source.loads).toBe(2);
  });

  it.each([
    ['not JSON', '{"sk_live_secret_in_text": ', 'key map is not valid JSON'],
    ['not the format', JSON.stringify({ sk_live_secret_in_text: { companyId: 1 } }), 'invalid key map: entry fp:'],
  ])('denies everything when the map is %s, logging one line that never quotes it', async (_label, text, reason) => {
    const { knows, logger } = setup(scriptedSource(text));
    expect(await knows()).toBe(false);
    expect(logger.records).toHaveLength(1);
    expect(logger.records[0]).toMatchObject({ level: 'error', fields: { error: 'KeyMapFormatError', failClosed: true } });
    expect(String(logger.records[0]?.fields?.['reason'])).toContain(reason);
    expect(logger.text()).not.toContain('sk_live_secret_in_text');
  });

  it('logs only the name of an unexpected error, whose message might carry content', async () => {
    const { knows, logger } = setup(scriptedSource(new TypeError(`boom ${PLAIN_KEY}`)));
    expect(await knows()).toBe(false);
    expect(logger.records[0]?.fields).toEqual({ source: 'scripted', error: 'TypeError', failClosed: true });
  });

  it('rejects negative durations', () => {
    expect(() => setup(scriptedSource(good), { ttlMs: -1 })).toThrow('ttlMs must be a non-negative number');
  });

  it('loads a version-2 map, logging a malformed entry once when its key is first used and serving every other key', async () => {
    const broken = 'sk_live_broken_entry_1';
    const document = { ...keyMapV2Json, keys: { ...keyMapV2Json.keys, [hashedKeyName(broken)]: { companyId: 1, userId: 1, plans: ['admin'] } } };
    const { loader, knows, logger } = setup(scriptedSource(JSON.stringify(document)));
    expect(await knows()).toBe(true);
    const keyMap = await loader.keyMapFor(broken);
    expect(identityOf(keyMap, broken)).toBeUndefined();
    expect(identityOf(keyMap, broken)).toBeUndefined();
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'key map entry invalid; the key is unusable',
        fields: { source: 'scripted', issues: `entry ${hashedKeyName(broken).slice(0, 15)}….plans: plan "admin" is not defined` },
      },
    ]);
    expect(logger.text()).not.toContain(broken);
  });
});
