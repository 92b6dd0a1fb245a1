import { maxLambdaResponseBytes, parseProxyResult } from './proxy-result.js';

/** No binary media types are configured: every body is text. */
const text = { binaryAccepted: false };

describe('parseProxyResult', () => {
  it('writes status, headers and body as returned', () => {
    const parsed = parseProxyResult(
      {
        statusCode: 201,
        headers: { 'Content-Type': 'text/plain', 'X-Count': 3 },
        body: 'hi',
      },
      text,
    );
    expect(parsed).toEqual({
      ok: true,
      response: {
        statusCode: 201,
        headers: { 'Content-Type': ['text/plain'], 'X-Count': ['3'] },
        body: Buffer.from('hi'),
      },
    });
  });

  it('merges headers into multiValueHeaders, a pair present in both once', () => {
    const parsed = parseProxyResult(
      {
        statusCode: 200,
        headers: { 'Set-Cookie': 'a=1', Vary: 'Accept' },
        multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
        body: '{}',
      },
      text,
    );
    expect(parsed.ok && parsed.response.headers).toEqual({
      'Set-Cookie': ['a=1', 'b=2'],
      Vary: ['Accept'],
      'Content-Type': ['application/json'],
    });
  });

  it('decodes base64 bodies when the client accepts a binary media type', () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const parsed = parseProxyResult(
      { statusCode: 200, body: bytes.toString('base64'), isBase64Encoded: true },
      { binaryAccepted: true },
    );
    expect(parsed.ok && parsed.response.body).toEqual(bytes);
  });

  it('passes base64 bodies on as text otherwise, as API Gateway without binary media types does', () => {
    const base64 = Buffer.from([0, 1, 2, 255]).toString('base64');
    const parsed = parseProxyResult(
      { statusCode: 200, body: base64, isBase64Encoded: true },
      { binaryAccepted: false },
    );
    expect(parsed.ok && parsed.response.body).toEqual(Buffer.from(base64));
  });

  it('defaults Content-Type to application/json and the body to empty', () => {
    const parsed = parseProxyResult({ statusCode: 204 }, text);
    expect(parsed).toEqual({
      ok: true,
      response: {
        statusCode: 204,
        headers: { 'Content-Type': ['application/json'] },
        body: Buffer.alloc(0),
      },
    });
  });

  it('leaves connection-level headers to the server', () => {
    const parsed = parseProxyResult(
      {
        statusCode: 200,
        headers: { 'Content-Length': '999', 'Transfer-Encoding': 'chunked' },
        body: 'x',
      },
      text,
    );
    expect(parsed.ok && parsed.response.headers).toEqual({ 'Content-Type': ['application/json'] });
  });

  it('rejects what API Gateway calls a malformed Lambda proxy response', () => {
    for (const value of [
      undefined,
      null,
      'ok',
      { body: 'no status' },
      { statusCode: '200', body: '' },
      { statusCode: 200, body: { not: 'a string' } },
      { statusCode: 200, headers: { nested: { a: 1 } } },
      { statusCode: 99 },
    ]) {
      expect(parseProxyResult(value, text)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('malformed'),
      });
    }
  });

  it('rejects a body over the Lambda response limit', () => {
    const parsed = parseProxyResult(
      {
        statusCode: 200,
        body: 'x'.repeat(maxLambdaResponseBytes + 1),
      },
      text,
    );
    expect(parsed).toMatchObject({ ok: false, reason: expect.stringContaining('exceeds') });
  });
});
