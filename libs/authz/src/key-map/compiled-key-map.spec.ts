import { HASHED_KEY, keyMapJson, PLAIN_KEY } from '../test-support/fixtures.test-support.js';
import { CompiledKeyMap } from './compiled-key-map.js';
import { hashedKeyName } from './key-names.js';
import { parseKeyMap } from './parse-key-map.js';

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
