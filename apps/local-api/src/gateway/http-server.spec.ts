import {
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
} from '@tollgate/domain-registry';
import type { GatewayResult } from './gateway.js';
import { type GatewayServer, startGatewayServer } from './http-server.js';
import { type RawAnswer, rawExchange } from './raw-exchange.test-support.js';

/** Node's HTTP server in front of a gateway that answers 204 to anything it is handed. */
let server: GatewayServer;
const logLines: string[] = [];
const handled: string[] = [];

beforeAll(async () => {
  server = await startGatewayServer({
    gateway: async (request): Promise<GatewayResult> => {
      handled.push(`${request.method} ${request.path}`);
      return { requestId: 'r-1', response: { statusCode: 204, headers: {}, body: Buffer.alloc(0) } };
    },
    port: 0,
    log: (line) => logLines.push(line),
    requestTimeoutMs: 600,
    headersTimeoutMs: 300,
  });
});
afterAll(() => server.close());

const exchange = (chunks: readonly string[], gapMs?: number) => rawExchange(server.url, chunks, gapMs);

function expectFallbackProblem(answer: RawAnswer, status: number, message: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.headers['connection']).toBe('close');
  const requestId = answer.headers['x-amzn-requestid'] ?? '';
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.parse(answer.body)).toEqual(
    gatewayFallbackBody(gatewayFallbackProblems.clientError, requestId, message),
  );
}

describe('errors Node raises below the gateway get problem bodies', () => {
  it('431 for a header section over Node’s limit', async () => {
    const answer = await exchange([`GET /x HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    expectFallbackProblem(answer, 431, 'Request Header Fields Too Large');
  });

  it('431 for a URL over Node’s limit', async () => {
    const answer = await exchange([`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`]);
    expectFallbackProblem(answer, 431, 'Request Header Fields Too Large');
  });

  it.each([
    ['a method Node does not know', 'BREW /x HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['a malformed request line', 'GET /x HTTP/9\r\nHost: a\r\n\r\n'],
    ['a malformed header', 'GET /x HTTP/1.1\r\nHost a\r\n\r\n'],
  ])('400 for %s', async (_, request) => {
    expectFallbackProblem(await exchange([request]), 400, 'Bad Request');
  });

  it('417 for an Expect other than 100-continue, without calling the gateway', async () => {
    handled.length = 0;
    const answer = await exchange(['GET /x HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\n\r\n']);
    expectFallbackProblem(answer, 417, 'Expectation Failed');
    expect(handled).toEqual([]);
  });

  it('404 not-found for CONNECT, which no resource declares, instead of a closed socket', async () => {
    const answer = await exchange(['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n']);
    expect(answer.status).toBe(404);
    expect(answer.headers['cache-control']).toBe('no-store');
    const requestId = answer.headers['x-amzn-requestid'] ?? '';
    expect(JSON.parse(answer.body)).toEqual(gatewayProblemBody(gatewayProblems['not-found'], requestId));
    expect(logLines.some((line) => line.startsWith('CONNECT example.com:443 404 '))).toBe(true);
  });
});

describe('connections that trickle are bounded', () => {
  // Limits of 300 ms (headers) and 600 ms (whole request); each case would otherwise hold the
  // connection for as long as the client keeps sending. The upper bounds are deliberately wide.
  it('408 for a header section still arriving after the headers timeout', async () => {
    const answer = await exchange(
      Array.from({ length: 200 }, (_, i) => (i === 0 ? 'GET /x HTTP/1.1\r\n' : `X-${i}: a\r\n`)),
      50,
    );
    expectFallbackProblem(answer, 408, 'Request Timeout');
    expect(answer.elapsedMs).toBeLessThan(9_000);
  });

  it('408 for a body still arriving after the request timeout, and the gateway never called', async () => {
    handled.length = 0;
    const head = 'POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n';
    const answer = await exchange([head, ...Array.from({ length: 999 }, () => 'a')], 50);
    expectFallbackProblem(answer, 408, 'Request Timeout');
    expect(answer.elapsedMs).toBeLessThan(9_000);
    expect(handled).toEqual([]);
  });
});
