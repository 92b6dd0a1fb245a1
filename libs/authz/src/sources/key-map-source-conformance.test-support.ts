import { KeyMapSourceError } from '../errors.js';
import { CachingKeyMapLoader } from '../loader/caching-key-map-loader.js';
import { keyMapJson, PLAIN_KEY, recordingLogger } from '../test-support/fixtures.test-support.js';
import type { KeyMapSource } from './key-map-source.js';

/** Drives one kind of source's backend for the conformance suite. */
export interface KeyMapSourceHarness {
  readonly source: KeyMapSource;
  /** Makes the backend hold this text (as an operator would store it). */
  put(text: string): Promise<void>;
  /** Makes every following load fail, as an outage would. */
  fail(): Promise<void>;
}

/** The contract every `KeyMapSource` keeps; each implementation runs this suite. */
export function describeKeyMapSourceConformance(name: string, createHarness: () => Promise<KeyMapSourceHarness>): void {
  describe(`${name} (KeyMapSource conformance)`, () => {
    let harness: KeyMapSourceHarness;
    beforeEach(async () => {
      harness = await createHarness();
    });

    const keyOf = async () => {
      const loader = new CachingKeyMapLoader({ source: harness.source, ttlMs: 0, retryAfterMs: 0, graceMs: 0, logger: recordingLogger() });
      return (await loader.keyMapFor(PLAIN_KEY))?.lookup(PLAIN_KEY);
    };

    it('loads the stored map', async () => {
      await harness.put(JSON.stringify(keyMapJson));
      expect(await keyOf()).toMatchObject({ principalId: '42-7' });
    });

    it('reads the backend again on every load (caching is the loader’s job)', async () => {
      await harness.put(JSON.stringify(keyMapJson));
      expect(await keyOf()).toBeDefined();
      await harness.put(JSON.stringify({ another_key: keyMapJson[PLAIN_KEY] }));
      expect(await keyOf()).toBeUndefined();
    });

    it('rejects with KeyMapSourceError when the backend fails', async () => {
      await harness.put(JSON.stringify(keyMapJson));
      await harness.fail();
      const error = await harness.source.load().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(KeyMapSourceError);
      expect((error as KeyMapSourceError).causeName).toEqual(expect.any(String));
    });

    it('hands malformed content to the loader, which fails closed', async () => {
      await harness.put('{"sk_live_abc123": {');
      await expect(harness.source.load()).resolves.toBeDefined();
      expect(await keyOf()).toBeUndefined();
    });

    it('describes itself without content', async () => {
      await harness.put(JSON.stringify(keyMapJson));
      expect(harness.source.description).not.toContain(PLAIN_KEY);
    });
  });
}
