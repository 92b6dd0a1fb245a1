import { randomUUID } from 'node:crypto';
import { gatewayFallbackProblems } from '@tollgate/domain-registry';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { clientErrorProblem } from './client-error.js';
import type { GatewayResult } from './gateway.js';
import type { GatewayRequest } from './gateway-request.js';
import { gatewayFallbackProblem, gatewayProblem } from './problem.js';
import { rawHttpResponse } from './raw-response.js';
import { formatRequestLog } from './request-log.js';

export interface GatewayServerOptions {
  readonly gateway: (request: GatewayRequest) => Promise<GatewayResult>;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** One line per request. */
  readonly log: (line: string) => void;
  /** API Gateway's request payload limit (10 MB): larger bodies get a 413. */
  readonly maxBodyBytes?: number;
  /** How long a client may take to send a whole request (30 s): a trickling body gets a 408. */
  readonly requestTimeoutMs?: number;
  /** How long a client may take to send the header section (10 s). */
  readonly headersTimeoutMs?: number;
}

export interface GatewayServer {
  readonly url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function pairs(rawHeaders: readonly string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    result.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return result;
}

/** Every response carries its request id, set last so a Lambda cannot override it. */
function write(res: ServerResponse, { response, requestId }: GatewayResult): void {
  res.statusCode = response.statusCode;
  for (const [name, values] of Object.entries(response.headers)) res.setHeader(name, values);
  res.setHeader('x-amzn-RequestId', requestId);
  res.end(response.body);
}

/** Serves a gateway over `node:http` on the loopback interface. */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  const timeouts = {
    requestTimeout,
    headersTimeout,
    // How often Node looks for expired requests: often enough that the timeouts above hold.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, headersTimeout / 4)),
  };

  const server = createServer(timeouts, async (req, res) => {
    const started = performance.now();
    // Captured now: reading the body to its end (or giving up on it) detaches `req.socket`.
    const socket = req.socket;
    const [path = '/', rawQuery = ''] = splitUrl(req.url ?? '/');
    const method = req.method ?? 'GET';
    let result: GatewayResult;
    try {
      const body = await readBody(req, maxBodyBytes);
      const socketAddress = socket.remoteAddress ?? '127.0.0.1';
      result = await options.gateway({
        method,
        path,
        rawQuery,
        headerPairs: pairs(req.rawHeaders),
        body,
        sourceIp: socketAddress.replace(/^::ffff:/, ''),
        protocol: `HTTP/${req.httpVersion}`,
        host: req.headers.host ?? `${host}:${(server.address() as AddressInfo).port}`,
      });
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      // The connection is gone (a request timeout answered it, or the client left): no answer.
      if (!tooLarge && socket.destroyed) return;
      const requestId = randomUUID();
      result = {
        requestId,
        reason: tooLarge
          ? undefined
          : `gateway error: ${error instanceof Error ? error.message : String(error)}`,
        response: gatewayProblem(tooLarge ? 'request-too-large' : 'internal-error', requestId),
      };
      if (tooLarge) res.setHeader('Connection', 'close');
    }
    write(res, result);
    options.log(
      formatRequestLog({ method, path, result, durationMs: performance.now() - started }),
    );
  });

  // Node answers these below any request handler, with plain-text or empty bodies (CONNECT just
  // closes the socket): here they get the problem bodies the gateway answers everything else with.
  const answerSocket = (socket: Socket, method: string, path: string, result: GatewayResult) => {
    socket.end(rawHttpResponse(result.response, result.requestId));
    options.log(formatRequestLog({ method, path, result, durationMs: 0 }));
  };
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Only while no response of this connection has started: bytes now would corrupt it.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    answerSocket(socket, '-', '-', {
      requestId,
      reason: `client error: ${error.code ?? error.name}`,
      response: clientErrorProblem(error.code, requestId),
    });
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const requestId = randomUUID();
    answerSocket(socket, 'CONNECT', req.url ?? '-', {
      requestId,
      response: gatewayProblem('not-found', requestId),
    });
  });
  // An `Expect` other than 100-continue: Node would answer a bare 417.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const result: GatewayResult = {
      requestId,
      response: gatewayFallbackProblem(
        gatewayFallbackProblems.clientError,
        417,
        'Expectation Failed',
        requestId,
      ),
    };
    res.setHeader('Connection', 'close');
    write(res, result);
    const [path = '/'] = splitUrl(req.url ?? '/');
    options.log(formatRequestLog({ method: req.method ?? '-', path, result, durationMs: 0 }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open: Ctrl-C must be quick.
        server.closeAllConnections();
      }),
  };
}

function splitUrl(url: string): [string, string] {
  const index = url.indexOf('?');
  return index < 0 ? [url, ''] : [url.slice(0, index), url.slice(index + 1)];
}
