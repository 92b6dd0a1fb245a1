import { HASHED_KEY, keyMapJson, PLAIN_KEY } from '../test-support/fixtures.test-support.js';
import { CompiledKeyMap } from './compiled-key-map.js';
import { hashedKeyName } from './key-names.js';
import { parseKeyMap } from './parse-key-map.js';
import { parseKeyMapV2 } from './parse-key-map-v2.js';
import type { KeyStore } from './key-store.js';
import { GrantTable } from '../grants/grant-table.js';

describe('CompiledKeyMap.lookup', () => {
  const keyMap = new CompiledKeyMap(parseKeyMap(keyMapJson));

  it('finds a key stored in plaintext, with principalId <companyId>-<userId>', () => {
    expect(keyMap.lookup(PLAIN_KEY)).toMatchObject({ companyId: 42, userId: 7, principalId: '42-7' });
  });

  it('finds a key stored as sha256 by hashing the presented key, again and again', () => {
    expect(keyMap.lookup(HASHED_KEY)).toMatchObject({ principalId: 'acme-u-1' });
    expect(keyMap.lookup(HASHED_KEY)).toBe(keyMap.lookup(HASHED_KEY));
  });

  it('does not treat a presented sha256:… string as a key, even the stored one', () => {
    expect(keyMap.lookup(hashedKeyName(HASHED_KEY))).toBeUndefined();
    expect(keyMap.lookup(hashedKeyName(HASHED_KEY).toUpperCase())).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'prototype'])(
    'treats %s as an unknown key',
    (name) => {
      expect(keyMap.lookup(name)).toBeUndefined();
    },
  );

  it('keeps Object.prototype names unknown by the explicit guard too, whatever the map holds', () => {
    const entry = { companyId: 1, userId: 2, authorizedRequests: [] };
    const forged = new CompiledKeyMap(new Map([['constructor', entry]]));
    expect(forged.lookup('constructor')).toBeUndefined();
  });

  it('treats empty, over-long and near-miss keys as unknown', () => {
    expect(keyMap.lookup('')).toBeUndefined();
    expect(keyMap.lookup(PLAIN_KEY + 'x'.repeat(300))).toBeUndefined();
    expect(keyMap.lookup(PLAIN_KEY.toUpperCase())).toBeUndefined();
    expect(keyMap.lookup(` ${PLAIN_KEY}`)).toBeUndefined();
  });

  it('counts its keys', () => {
    expect(keyMap.size).toBe(2);
  });
});

describe('CompiledKeyMap over a version-2 map', () => {
  const KEY = 'sk_live_v2_key_0001';
  const plans = {
    read: [{ method: 'GET', path: '/resources/{id}' }],
    write: [{ method: 'PUT', path: '/resources/{id}' }],
  };
  const v2 = (keys: Record<string, unknown>) => parseKeyMapV2({ version: 2, plans, keys });
  const entry = (patch: Record<string, unknown> = {}) => ({ companyId: 1, userId: 2, plans: ['read'], ...patch });

  it('grants a key its plans’ grants and its own', () => {
    const keyMap = new CompiledKeyMap(v2({ [hashedKeyName(KEY)]: entry({ plans: ['read', 'write'], grants: [{ method: 'GET', path: '/mine' }] }) }));
    const index = keyMap.indexOf(KEY);
    expect(['GET', 'PUT'].map((method) => keyMap.allows(index, method, '/resources/1', []))).toEqual([true, true]);
    expect(keyMap.allows(index, 'GET', '/mine', [])).toBe(true);
    expect(keyMap.allows(index, 'DELETE', '/resources/1', [])).toBe(false);
    expect(keyMap.identity(index).grants.map((grant) => `${grant.method} ${grant.path}`)).toEqual(['GET /resources/{id}', 'PUT /resources/{id}', 'GET /mine']);
  });

  it('treats a disabled key as unknown', () => {
    const keyMap = new CompiledKeyMap(v2({ [hashedKeyName(KEY)]: entry({ disabled: true }) }));
    expect(keyMap.find(KEY)).toBe('disabled-key');
    expect(keyMap.lookup(KEY)).toBeUndefined();
  });

  it('treats a key as unknown from its expiresAt on, by the clock it is given', () => {
    const clock = { now: Date.parse('2026-11-24T00:00:00Z') };
    const keyMap = new CompiledKeyMap(v2({ [hashedKeyName(KEY)]: entry({ expiresAt: '2026-11-25T00:00:00Z' }) }), { now: () => clock.now });
    expect(keyMap.find(KEY)).toEqual(expect.any(Number));
    clock.now = Date.parse('2026-11-25T00:00:00Z');
    expect(keyMap.find(KEY)).toBe('expired-key');
  });

  it('makes only a malformed entry’s key unusable, reporting its issues once, by fingerprint', () => {
    const reported: (readonly string[])[] = [];
    const keyMap = new CompiledKeyMap(v2({ [hashedKeyName(KEY)]: entry({ plans: ['admin'] }), [hashedKeyName(PLAIN_KEY)]: entry() }), {
      onInvalidEntry: (issues) => reported.push(issues),
    });
    expect(keyMap.find(KEY)).toBe('invalid-key-entry');
    expect(keyMap.find(KEY)).toBe('invalid-key-entry');
    expect(keyMap.lookup(PLAIN_KEY)).toMatchObject({ principalId: '1-2' });
    expect(reported).toEqual([[expect.stringMatching(/^entry sha256:[0-9a-f]{8}….plans: plan "admin" is not defined$/)]]);
    expect(JSON.stringify(reported)).not.toContain(KEY);
  });

  it('validates no entry when built, and each entry once, on its key’s first use', () => {
    const store = v2({ [hashedKeyName(KEY)]: entry(), [hashedKeyName(PLAIN_KEY)]: entry() });
    const asked: string[] = [];
    const counting: KeyStore = { ...store, plans: store.plans, size: store.size, shard: store.shard, hasHashedNames: true, hasPlaintextNames: false,
      entry: (name) => (asked.push(name), store.entry(name)) };
    const keyMap = new CompiledKeyMap(counting);
    expect(asked).toEqual([]);
    keyMap.lookup(KEY);
    keyMap.lookup(KEY);
    expect(asked).toEqual([hashedKeyName(KEY)]);
  });

  it('compiles plans once when built and nothing for a key until it is used; keys with the same plans share one compiled slot', () => {
    const grants = new GrantTable();
    const keys = ['k1_aaaaaaaa', 'k2_bbbbbbbb', 'k3_cccccccc'];
    const keyMap = new CompiledKeyMap(
      v2({
        [hashedKeyName('k1_aaaaaaaa')]: entry({ plans: ['read', 'write'] }),
        [hashedKeyName('k2_bbbbbbbb')]: entry({ plans: ['write', 'read'] }),
        [hashedKeyName('k3_cccccccc')]: entry({ plans: ['read'] }),
      }),
      { grants },
    );
    const afterPlans = grants.size;
    expect(afterPlans).toBeGreaterThan(0);
    const use = (key: string) => keyMap.allows(keyMap.indexOf(key), 'GET', '/resources/1', []);
    expect(use(keys[2] ?? '')).toBe(true);
    expect(grants.size).toBe(afterPlans);
    expect(use(keys[0] ?? '')).toBe(true);
    const afterCombination = grants.size;
    expect(afterCombination).toBeGreaterThan(afterPlans);
    expect(use(keys[1] ?? '')).toBe(true);
    expect(grants.size).toBe(afterCombination);
  });

  it('compiles nothing new for a reload or another shard with the same plans, given the same grant table', () => {
    const grants = new GrantTable();
    const document = { [hashedKeyName(KEY)]: entry({ plans: ['read', 'write'] }) };
    const first = new CompiledKeyMap(v2(document), { grants });
    first.allows(first.indexOf(KEY), 'GET', '/resources/1', []);
    const size = grants.size;
    const reloaded = new CompiledKeyMap(v2(document), { grants });
    expect(reloaded.allows(reloaded.indexOf(KEY), 'PUT', '/resources/1', [])).toBe(true);
    expect(grants.size).toBe(size);
  });

  it('never looks up an Object.prototype name or a presented sha256 string', () => {
    const keyMap = new CompiledKeyMap(v2({ [hashedKeyName(KEY)]: entry() }));
    for (const name of ['__proto__', 'constructor', 'toString', hashedKeyName(KEY)]) expect(keyMap.find(name)).toBe('unknown-key');
  });
});
