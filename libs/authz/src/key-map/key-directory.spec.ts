import { GrantIndex } from '../grants/grant-index.js';
import { allows, compileStore, HASHED_KEY, identityOf, keyMapJson, PLAIN_KEY } from '../testing/fixtures.js';
import { compileKeyMap } from './compile-key-map.js';
import { hashedKeyName } from './key-names.js';
import { keyStoreOf, type KeyStore } from './key-store.js';
import { parseKeyMapV2 } from './parse-key-map-v2.js';
import { PresentedKeys } from './presented-keys.js';

describe('KeyDirectory.find', () => {
  const keyMap = compileKeyMap(keyMapJson);

  it('finds a key stored in plaintext, with principalId <companyId>-<userId>', () => {
    expect(identityOf(keyMap, PLAIN_KEY)).toMatchObject({ companyId: 42, userId: 7, principalId: '42-7' });
  });

  it('finds a key stored as sha256 by hashing the presented key, again and again', () => {
    expect(identityOf(keyMap, HASHED_KEY)).toMatchObject({ principalId: '43-u-1' });
    expect(identityOf(keyMap, HASHED_KEY)).toBe(identityOf(keyMap, HASHED_KEY));
  });

  it('does not treat a presented sha256:… string as a key, even the stored one', () => {
    expect(identityOf(keyMap, hashedKeyName(HASHED_KEY))).toBeUndefined();
    expect(identityOf(keyMap, hashedKeyName(HASHED_KEY).toUpperCase())).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'prototype'])(
    'treats %s as an unknown key',
    (name) => {
      expect(identityOf(keyMap, name)).toBeUndefined();
    },
  );

  it('keeps Object.prototype names unknown by the explicit guard too, whatever the map holds', () => {
    const entry = { companyId: 1, userId: 2, authorizedRequests: [] };
    const forged = compileStore(keyStoreOf(new Map([['constructor', entry]])));
    expect(identityOf(forged, 'constructor')).toBeUndefined();
  });

  it('treats empty, over-long and near-miss keys as unknown', () => {
    expect(identityOf(keyMap, '')).toBeUndefined();
    expect(identityOf(keyMap, PLAIN_KEY + 'x'.repeat(300))).toBeUndefined();
    expect(identityOf(keyMap, PLAIN_KEY.toUpperCase())).toBeUndefined();
    expect(identityOf(keyMap, ` ${PLAIN_KEY}`)).toBeUndefined();
  });

  it('counts its keys', () => {
    expect(keyMap.size).toBe(2);
  });
});

describe('KeyDirectory over a version-2 map', () => {
  const KEY = 'sk_live_v2_key_0001';
  const plans = {
    read: [{ method: 'GET', path: '/resources/{id}' }],
    write: [{ method: 'PUT', path: '/resources/{id}' }],
  };
  const v2 = (keys: Record<string, unknown>) => parseKeyMapV2({ version: 2, plans, keys });
  const entry = (patch: Record<string, unknown> = {}) => ({ companyId: 1, userId: 2, plans: ['read'], ...patch });

  it('grants a key its plans’ grants and its own', () => {
    const keyMap = compileStore(v2({ [hashedKeyName(KEY)]: entry({ plans: ['read', 'write'], grants: [{ method: 'GET', path: '/mine' }] }) }));
    expect(['GET', 'PUT'].map((method) => allows(keyMap, KEY, method, '/resources/1'))).toEqual([true, true]);
    expect(allows(keyMap, KEY, 'GET', '/mine')).toBe(true);
    expect(allows(keyMap, KEY, 'DELETE', '/resources/1')).toBe(false);
    expect(identityOf(keyMap, KEY)?.grants.map((grant) => `${grant.method} ${grant.path}`)).toEqual(['GET /resources/{id}', 'PUT /resources/{id}', 'GET /mine']);
  });

  it('treats a disabled key as unknown', () => {
    const keyMap = compileStore(v2({ [hashedKeyName(KEY)]: entry({ disabled: true }) }));
    expect(keyMap.keys.find(KEY)).toEqual({ known: false, reason: 'disabled-key' });
    expect(identityOf(keyMap, KEY)).toBeUndefined();
  });

  it('treats a key as unknown from its expiresAt on, by the clock it is given', () => {
    const clock = { now: Date.parse('2026-11-24T00:00:00Z') };
    const keyMap = compileStore(v2({ [hashedKeyName(KEY)]: entry({ expiresAt: '2026-11-25T00:00:00Z' }) }), { now: () => clock.now });
    expect(keyMap.keys.find(KEY)).toMatchObject({ known: true });
    clock.now = Date.parse('2026-11-25T00:00:00Z');
    expect(keyMap.keys.find(KEY)).toEqual({ known: false, reason: 'expired-key' });
  });

  it('makes only a malformed entry’s key unusable, reporting its issues once, by fingerprint', () => {
    const reported: (readonly string[])[] = [];
    const keyMap = compileStore(v2({ [hashedKeyName(KEY)]: entry({ plans: ['admin'] }), [hashedKeyName(PLAIN_KEY)]: entry() }), {
      onInvalidEntry: (issues) => reported.push(issues),
    });
    expect(keyMap.keys.find(KEY)).toEqual({ known: false, reason: 'invalid-key-entry' });
    expect(keyMap.keys.find(KEY)).toEqual({ known: false, reason: 'invalid-key-entry' });
    expect(identityOf(keyMap, PLAIN_KEY)).toMatchObject({ principalId: '1-2' });
    expect(reported).toEqual([[expect.stringMatching(/^entry sha256:[0-9a-f]{8}….plans: plan "admin" is not defined$/)]]);
    expect(JSON.stringify(reported)).not.toContain(KEY);
  });

  it('validates no entry when built, and each entry once, on its key’s first use', () => {
    const store = v2({ [hashedKeyName(KEY)]: entry(), [hashedKeyName(PLAIN_KEY)]: entry() });
    const asked: string[] = [];
    const counting: KeyStore = { ...store, plans: store.plans, size: store.size, shard: store.shard, hasHashedNames: true, hasPlaintextNames: false,
      entry: (name) => (asked.push(name), store.entry(name)) };
    const keyMap = compileStore(counting);
    expect(asked).toEqual([]);
    identityOf(keyMap, KEY);
    identityOf(keyMap, KEY);
    expect(asked).toEqual([hashedKeyName(KEY)]);
  });

  it('compiles plans once when built and nothing for a key until it is used; keys with the same plans share one compiled slot', () => {
    const grants = new GrantIndex();
    const keys = ['k1_aaaaaaaa', 'k2_bbbbbbbb', 'k3_cccccccc'];
    const keyMap = compileStore(
      v2({
        [hashedKeyName('k1_aaaaaaaa')]: entry({ plans: ['read', 'write'] }),
        [hashedKeyName('k2_bbbbbbbb')]: entry({ plans: ['write', 'read'] }),
        [hashedKeyName('k3_cccccccc')]: entry({ plans: ['read'] }),
      }),
      { grants },
    );
    const afterPlans = grants.size;
    expect(afterPlans).toBeGreaterThan(0);
    const use = (key: string) => allows(keyMap, key, 'GET', '/resources/1');
    expect(use(keys[2] ?? '')).toBe(true);
    expect(grants.size).toBe(afterPlans);
    expect(use(keys[0] ?? '')).toBe(true);
    const afterCombination = grants.size;
    expect(afterCombination).toBeGreaterThan(afterPlans);
    expect(use(keys[1] ?? '')).toBe(true);
    expect(grants.size).toBe(afterCombination);
  });

  it('compiles nothing new for a reload or another shard with the same plans, given the same grant index', () => {
    const grants = new GrantIndex();
    const document = { [hashedKeyName(KEY)]: entry({ plans: ['read', 'write'] }) };
    const first = compileStore(v2(document), { grants });
    allows(first, KEY, 'GET', '/resources/1');
    const size = grants.size;
    const reloaded = compileStore(v2(document), { grants });
    expect(allows(reloaded, KEY, 'PUT', '/resources/1')).toBe(true);
    expect(grants.size).toBe(size);
  });

  it('answers from the directory asked when directories share one memo (shards, reloads), whichever judged the key last', () => {
    const presentedKeys = new PresentedKeys();
    const a = compileStore(v2({ [hashedKeyName(KEY)]: entry({ companyId: 5 }) }), { presentedKeys });
    const b = compileStore(v2({ [hashedKeyName(KEY)]: entry({ disabled: true }) }), { presentedKeys });
    const c = compileStore(v2({ [hashedKeyName(KEY)]: entry({ companyId: 6, plans: ['write'] }) }), { presentedKeys });
    expect(identityOf(a, KEY)).toMatchObject({ principalId: '5-2' });
    expect(b.keys.find(KEY)).toEqual({ known: false, reason: 'disabled-key' });
    expect(identityOf(a, KEY)).toMatchObject({ principalId: '5-2' });
    expect(identityOf(c, KEY)).toMatchObject({ principalId: '6-2' });
    expect([allows(a, KEY, 'GET', '/resources/1'), allows(a, KEY, 'PUT', '/resources/1')]).toEqual([true, false]);
    expect([allows(c, KEY, 'GET', '/resources/1'), allows(c, KEY, 'PUT', '/resources/1')]).toEqual([false, true]);
    expect(b.keys.find(KEY)).toEqual({ known: false, reason: 'disabled-key' });
  });

  it('never looks up an Object.prototype name or a presented sha256 string', () => {
    const keyMap = compileStore(v2({ [hashedKeyName(KEY)]: entry() }));
    for (const name of ['__proto__', 'constructor', 'toString', hashedKeyName(KEY)]) expect(keyMap.keys.find(name)).toEqual({ known: false, reason: 'unknown-key' });
  });
});
