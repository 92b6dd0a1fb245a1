import { PLAIN_KEY, keyMapFormats, keyMapV2Json, identityOf } from '../testing/fixtures.js';
import { compileKeyMap } from './compile-key-map.js';
import { KeyMapFormatError } from './key-map-format-error.js';

describe('compileKeyMap', () => {
  it.each(keyMapFormats)('reads a map in the %s', (_format, document) => {
    expect(identityOf(compileKeyMap(document), PLAIN_KEY)).toMatchObject({ principalId: '42-7' });
  });

  it('rejects a version it does not know, rather than reading it as the version-1 format', () => {
    expect(() => compileKeyMap({ ...keyMapV2Json, version: '2' })).toThrow(new KeyMapFormatError(['unsupported key map version "2" (expected 2)']));
  });

  it('accepts a shard only where that shard is expected', () => {
    const shard = { ...keyMapV2Json, shard: { index: 3, count: 8 } };
    expect(compileKeyMap(shard, { shard: { index: 3, count: 8 } }).shard).toEqual({ index: 3, count: 8 });
    expect(() => compileKeyMap(shard, { shard: { index: 3, count: 16 } })).toThrow('expected shard-003 of 16, found shard-003 of 8');
    expect(() => compileKeyMap(keyMapV2Json, { shard: { index: 0, count: 1 } })).toThrow('expected shard-000 of 1, found no shard');
  });
});
