import { inspect } from 'node:util';
import type { Allowed, Denied, KeyIdentity, KnownKey, UnknownKey } from './key-directory.js';
import { hashedKeyName } from './key-names.js';
import { PresentedKeys } from './presented-keys.js';

/** The same characters as `value`, in another string object — as a header value parsed from the next event would be. */
const fresh = (value: string) => Buffer.from(value).toString();

function knownKey(principalId: string, expiresAt = Infinity): KnownKey {
  const identity: KeyIdentity = { companyId: 1, userId: 2, principalId, grants: [], usageIdentifierKey: 'tgu_x', usagePlan: 'default', apiVersion: undefined };
  const allowed: Allowed = { effect: 'Allow', key: identity };
  const denied: Denied = { effect: 'Deny', key: identity, reason: 'no-matching-grant' };
  return { known: true, identity, grantSlot: 7, expiresAt, allowed, denied };
}
const DISABLED: UnknownKey = Object.freeze({ known: false, reason: 'disabled-key' });

describe('PresentedKeys', () => {
  it('gives a key one record, found again from an equal string in another object', () => {
    const keys = new PresentedKeys();
    expect(keys.find('sk_live_a')).toBeUndefined();
    const a = keys.add('sk_live_a');
    const b = keys.add('sk_live_b');
    expect(a).not.toBe(b);
    expect(keys.find(fresh('sk_live_a'))).toBe(a);
    expect(keys.find(fresh('sk_live_b'))).toBe(b);
    expect(keys.find(fresh('sk_live_a'))).toBe(a);
    expect(a.value).toBe('sk_live_a');
  });

  it('gives the lookup after a shard pick the record the pick handed off — only if it asks for the same key', () => {
    const keys = new PresentedKeys();
    const a = keys.add('sk_live_a');
    const b = keys.add('sk_live_b');
    keys.handOff('sk_live_a', a);
    expect(keys.find(fresh('sk_live_a'))).toBe(a);
    // A hand-off no decision took (a pick whose shard failed to load) is never another key's answer.
    keys.handOff('sk_live_a', a);
    expect(keys.find(fresh('sk_live_b'))).toBe(b);
    expect(keys.find(fresh('sk_live_a'))).toBe(a);
    expect(keys.find(fresh('sk_live_c'))).toBeUndefined();
  });

  it('hashes a key on first need only, or takes the stored name set on its record', () => {
    const keys = new PresentedKeys();
    const record = keys.add('sk_live_a');
    expect(record.hashedName).toBeUndefined();
    expect(keys.hashedName(record)).toBe(hashedKeyName('sk_live_a'));
    const standIn = keys.add('stand-in');
    standIn.hashedName = 'sha256:given';
    expect(keys.hashedName(standIn)).toBe('sha256:given');
  });

  it('takes a directory’s judgement: a known key’s fields, or why it is unknown, and forgets an unknown one when judged known again', () => {
    const record = new PresentedKeys().add('sk_live_a');
    expect(record.directoryId).toBe(-1);
    const known = knownKey('1-2', 5_000);
    record.judged(3, known);
    expect(record).toMatchObject({ directoryId: 3, unknown: undefined, grantSlot: 7, expires: true, expiresAt: 5_000 });
    expect(record.identity).toBe(known.identity);
    expect(record.allowed).toBe(known.allowed);
    expect(record.denied).toBe(known.denied);

    record.judged(4, DISABLED);
    expect(record).toMatchObject({ directoryId: 4, unknown: DISABLED });

    const again = knownKey('1-3');
    record.judged(5, again);
    expect(record).toMatchObject({ directoryId: 5, unknown: undefined, expires: false });
    expect(record.allowed).toBe(again.allowed);
  });

  it('never prints or serializes the key it is the record of (it is handed out as a KnownKey)', () => {
    const record = new PresentedKeys().add('sk_live_secret_value');
    record.judged(1, knownKey('1-2'));
    expect(record.value).toBe('sk_live_secret_value');
    expect(JSON.stringify(record)).not.toContain('secret_value');
    expect(inspect(record, { depth: 5, showHidden: true })).not.toContain('secret_value');
    expect(Object.values(record)).not.toContain('sk_live_secret_value');
  });

  it('starts over once it holds 32,768 keys, forgetting everything it knew', () => {
    const keys = new PresentedKeys();
    const first = keys.add('sk_live_first');
    first.shard = 3;
    for (let i = 1; i < 32_768; i++) keys.add(`sk_live_${i}`);
    expect(keys.size).toBe(32_768);
    expect(keys.find(fresh('sk_live_first'))).toBe(first);

    const next = keys.add('sk_live_next');
    expect(keys.size).toBe(1);
    expect(keys.find(fresh('sk_live_first'))).toBeUndefined();
    expect(keys.find('sk_live_1')).toBeUndefined();
    expect(keys.find(fresh('sk_live_next'))).toBe(next);
    expect(next.shard).toBe(-1);
  });
});
