import type { GatewayRequest } from './gateway-request.js';
import { singleHeader } from './repeated-header.js';

const requestWith = (headerPairs: [string, string][]): GatewayRequest => ({
  method: 'GET',
  path: '/',
  rawQuery: '',
  headerPairs,
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  host: 'localhost',
});

describe('singleHeader: the rule for a repeated header', () => {
  it('is absent when no line names it', () => {
    expect(singleHeader(requestWith([['Accept', '*/*']]), 'X-Api-Key')).toEqual({ kind: 'absent' });
  });

  it('takes one value, whatever the name casing', () => {
    expect(singleHeader(requestWith([['x-API-key', 'k']]), 'X-Api-Key')).toEqual({ kind: 'one', value: 'k' });
  });

  it('counts the same value sent twice, in any casing, once', () => {
    const request = requestWith([['X-Api-Key', 'k'], ['x-api-key', 'k']]);
    expect(singleHeader(request, 'X-Api-Key')).toEqual({ kind: 'one', value: 'k' });
  });

  it('calls different values a conflict, in any casing and wherever they appear', () => {
    for (const pairs of [
      [['X-Api-Key', 'a'], ['X-Api-Key', 'b']],
      [['X-Api-Key', 'a'], ['Accept', '*/*'], ['x-api-key', 'b']],
      [['X-Api-Key', ''], ['X-Api-Key', 'b']],
    ] as [string, string][][]) {
      expect(singleHeader(requestWith(pairs), 'X-Api-Key')).toEqual({ kind: 'conflicting' });
    }
  });
});
