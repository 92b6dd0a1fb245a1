import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a database server, to take the database "away" in the middle of a
 * test and bring it back on the same address, whatever the backend (PGlite or PostgreSQL).
 */
export interface TcpProxy {
  /** `upstreamUrl` with host and port replaced by the proxy's. */
  readonly url: string;
  /** Stops listening and cuts every open connection: the client sees errors at once. */
  cut(): Promise<void>;
  /**
   * Packets dropped on the way: every open connection stops carrying bytes for good, and new
   * connections are accepted but never reach the server. The client sees only silence.
   */
  stall(): void;
  /** Serves new connections again (listening again on the same port after `cut`). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

const discard = () => undefined;

export async function startTcpProxy(upstreamUrl: string): Promise<TcpProxy> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<Socket>();
  const forwarding = new Set<readonly [Socket, Socket]>();
  let server: Server | undefined;
  let port = 0;
  let stalled = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const blackHole = (...ends: Socket[]) => {
    for (const socket of ends) {
      socket.unpipe();
      socket.on('data', discard);
    }
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        track(client);
        if (stalled) return blackHole(client);
        const target = connect(Number(upstream.port || 5432), upstream.hostname);
        track(target);
        const pair = [client, target] as const;
        forwarding.add(pair);
        client.pipe(target).pipe(client);
        client.on('close', () => (forwarding.delete(pair), target.destroy()));
        target.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });

  const cut = async () => {
    const s = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  const stall = () => {
    stalled = true;
    for (const pair of forwarding) blackHole(...pair);
    forwarding.clear();
  };

  const restore = async () => {
    stalled = false;
    if (!server) await listen();
  };

  await listen();
  const url = new URL(upstreamUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), cut, stall, restore, close: cut };
}
