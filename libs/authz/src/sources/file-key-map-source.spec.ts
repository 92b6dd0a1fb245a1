import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachingKeyMapLoader } from '../loader/caching-key-map-loader.js';
import { describeKeyMapSourceConformance, uncached } from '../testing/key-map-source-conformance.js';
import { fileKeyMapSource } from './file-key-map-source.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeKeyMapSourceConformance('fileKeyMapSource', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'authz-file-source-'));
  dirs.push(dir);
  const path = join(dir, 'api-keys.json');
  const source = fileKeyMapSource(path);
  return {
    provider: (logger) => new CachingKeyMapLoader({ source, ...uncached(logger) }),
    sources: [source],
    store: (document) => writeFile(path, JSON.stringify(document)),
    storeText: (text) => writeFile(path, text),
    fail: () => rm(path),
  };
});

describe('fileKeyMapSource', () => {
  it('names the missing file and the cause', async () => {
    const error = await fileKeyMapSource('/nonexistent/api-keys.json').load().catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'cannot read key map file /nonexistent/api-keys.json', causeName: 'ENOENT' });
  });
});
