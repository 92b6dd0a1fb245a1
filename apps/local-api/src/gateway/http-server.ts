import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayResult } from './gateway.js';
import type { GatewayRequest } from './gateway-request.js';
import { gatewayProblem } from './problem.js';
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

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const [path = '/', rawQuery = ''] = splitUrl(req.url ?? '/');
    const method = req.method ?? 'GET';
    let result: GatewayResult;
    try {
      const body = await readBody(req, maxBodyBytes);
      const socketAddress = req.socket.remoteAddress ?? '127.0.0.1';
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
