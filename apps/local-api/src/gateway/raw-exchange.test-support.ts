import { connect } from 'node:net';

/** An HTTP answer as read off the socket (a repeated header keeps its last line). */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly elapsedMs: number;
}

/**
 * Writes `chunks` to a fresh connection (`gapMs` apart, the last one left open) and reads the
 * answer until the server closes the connection.
 */
export function rawExchange(url: string, chunks: readonly string[], gapMs = 0): Promise<RawAnswer> {
  const { port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (data: Buffer) => received.push(data));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      const bytes = Buffer.concat(received);
      const headEnd = bytes.indexOf('\r\n\r\n');
      const head = bytes.subarray(0, headEnd < 0 ? bytes.length : headEnd).toString('latin1');
      const body = headEnd < 0 ? '' : bytes.subarray(headEnd + 4).toString('utf8');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, elapsedMs: performance.now() - started });
    });
    let index = 0;
    const next = () => {
      if (socket.destroyed || index >= chunks.length) return;
      socket.write(chunks[index++] ?? '');
      timer = setTimeout(next, gapMs);
    };
    socket.on('connect', next);
  });
}
