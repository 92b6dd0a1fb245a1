import type { KeyLookup } from './key-directory.js';
import { hashedKeyName } from './key-names.js';
import { PresentedKeys } from './presented-keys.js';

/** The same characters as `value`, in another string object — as a header value parsed from the next event would be. */
const fresh = (value: string) => Buffer.from(value).toString();
const DISABLED: KeyLookup = Object.freeze({ known: false, reason: 'disabled-key' });

describe('PresentedKeys', () => {
  it('gives a key one id, found again from an equal string in another object', () => {
    const keys = new PresentedKeys();
    expect(keys.idOf('sk_live_a')).toBe(-1);
    const a = keys.add('sk_live_a');
    const b = keys.add('sk_live_b');
    expect(a).not.toBe(b);
    expect(keys.idOf(fresh('sk_live_a'))).toBe(a);
    expect(keys.idOf(fresh('sk_live_b'))).toBe(b);
    expect(keys.idOf(fresh('sk_live_a'))).toBe(a);
    expect(keys.value(a)).toBe('sk_live_a');
  });

  it('hashes a key on first need only, or takes the stored name it is given', () => {
    const keys = new PresentedKeys();
    const id = keys.add('sk_live_a');
    expect(keys.hashedName(id)).toBe(hashedKeyName('sk_live_a'));
    const named = keys.add('stand-in', 'sha256:given');
    expect(keys.hashedName(named)).toBe('sha256:given');
  });

  it('remembers a shard, -1 until picked', () => {
    const keys = new PresentedKeys();
    const id = keys.add('sk_live_a');
    expect(keys.shard(id)).toBe(-1);
    keys.rememberShard(id, 7);
    expect(keys.shard(keys.idOf(fresh('sk_live_a')))).toBe(7);
  });

  it('answers a lookup only to the directory that made it', () => {
    const keys = new PresentedKeys();
    const id = keys.add('sk_live_a');
    expect(keys.lookupIn(id, 1)).toBeUndefined();
    keys.rememberLookup(id, 1, DISABLED);
    expect(keys.lookupIn(id, 1)).toBe(DISABLED);
    expect(keys.lookupIn(id, 2)).toBeUndefined();
    keys.rememberLookup(id, 2, DISABLED);
    expect(keys.lookupIn(id, 1)).toBeUndefined();
  });

  it('starts over once it holds 32,768 keys, forgetting everything it knew', () => {
    const keys = new PresentedKeys();
    const first = keys.add('sk_live_first');
    keys.rememberShard(first, 3);
    keys.rememberLookup(first, 1, DISABLED);
    for (let i = 1; i < 32_768; i++) keys.add(`sk_live_${i}`);
    expect(keys.size).toBe(32_768);
    expect(keys.idOf(fresh('sk_live_first'))).toBe(first);

    const next = keys.add('sk_live_next');
    expect(keys.size).toBe(1);
    expect(keys.idOf(fresh('sk_live_first'))).toBe(-1);
    expect(keys.idOf('sk_live_1')).toBe(-1);
    expect(keys.idOf(fresh('sk_live_next'))).toBe(next);
    expect(keys.shard(next)).toBe(-1);
    expect(keys.lookupIn(next, 1)).toBeUndefined();
  });
});
