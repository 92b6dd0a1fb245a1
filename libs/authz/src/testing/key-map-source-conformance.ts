import type { KeyMapProvider } from '../loader/key-map-provider.js';
import type { AuthzLogger } from '../logging/logger.js';
import { KeyMapSourceError } from '../sources/key-map-source-error.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import { HASHED_KEY, PLAIN_KEY, keyMapFormats, keyMapJson, recordingLogger, identityOf } from './fixtures.js';

/** Loader settings for the suite: no caching, so every call reads the backend. */
export const uncached = (logger: AuthzLogger) => ({ ttlMs: 0, retryAfterMs: 0, graceMs: 0, logger });

/**
 * Drives one kind of key-map backend — one source, or a set of shard sources — for the
 * conformance suite.
 */
export interface KeyMapBackendHarness {
  /** The provider the authorizer would use over this backend, loading on every call (`uncached`). */
  provider(logger: AuthzLogger): KeyMapProvider;
  /** The sources reading the backend. */
  readonly sources: readonly KeyMapSource[];
  /** Stores a whole map (either format) as an operator deploys it: one document, or the shard tool's shards. */
  store(document: object): Promise<void>;
  /** Makes every place of the backend hold this text. */
  storeText(text: string): Promise<void>;
  /** Makes every following load fail, as an outage would. */
  fail(): Promise<void>;
}

/** The contract every key-map backend keeps, in both formats; each implementation runs this suite. */
export function describeKeyMapSourceConformance(name: string, createHarness: () => Promise<KeyMapBackendHarness>): void {
  describe(`${name} (key-map source conformance)`, () => {
    let harness: KeyMapBackendHarness;
    beforeEach(async () => {
      harness = await createHarness();
    });

    const presentedIdentity = async (key: string) => {
      const keyMap = await harness.provider(recordingLogger()).keyMapFor(key);
      return identityOf(keyMap, key);
    };

    it.each(keyMapFormats)('serves a map stored in the %s', async (_format, document) => {
      await harness.store(document);
      expect(await presentedIdentity(PLAIN_KEY)).toMatchObject({ principalId: '42-7' });
      expect(await presentedIdentity(HASHED_KEY)).toMatchObject({ principalId: '43-u-1' });
      expect(await presentedIdentity('sk_live_not_stored')).toBeUndefined();
    });

    it('reads the backend again on every load (caching is the loader’s job)', async () => {
      await harness.store(keyMapJson);
      expect(await presentedIdentity(PLAIN_KEY)).toBeDefined();
      await harness.store({ another_key: keyMapJson[PLAIN_KEY] });
      expect(await presentedIdentity(PLAIN_KEY)).toBeUndefined();
    });

    it('rejects with KeyMapSourceError when the backend fails', async () => {
      await harness.store(keyMapJson);
      await harness.fail();
      for (const source of harness.sources) {
        const error = await source.load().then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(KeyMapSourceError);
        expect((error as KeyMapSourceError).causeName).toEqual(expect.any(String));
      }
    });

    it('hands malformed content to the loader, which fails closed', async () => {
      await harness.storeText('{"sk_live_abc123": {');
      for (const source of harness.sources) await expect(source.load()).resolves.toBeDefined();
      expect(await harness.provider(recordingLogger()).keyMapFor(PLAIN_KEY)).toBeUndefined();
    });

    it('describes itself without content', async () => {
      await harness.store(keyMapJson);
      for (const source of harness.sources) expect(source.description).not.toContain(PLAIN_KEY);
    });
  });
}
