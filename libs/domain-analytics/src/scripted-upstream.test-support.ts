import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted upstream does with one request. */
export type ScriptedAnswer =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  /** Never answers. */
  | 'hang'
  /** Sends 200 and part of a body, then stalls. */
  | 'stall-body'
  /** Sends 200 and part of a body, then drops the connection. */
  | 'cut-body'
  /** Destroys the connection: a network error for the client. */
  | 'drop';

export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly accept: string | undefined;
}

export interface ScriptedUpstream {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server answering request n with `answers[n]` (the last answer repeats), for
 * driving the client through exact sequences of slow, failing, malformed and good answers.
 */
export async function startScriptedUpstream(answers: readonly ScriptedAnswer[]): Promise<ScriptedUpstream> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({
      path: request.url ?? '',
      authorization: request.headers.authorization,
      accept: request.headers.accept,
    });
    const answer = answers[Math.min(requests.length, answers.length) - 1] ?? 'drop';
    if (answer === 'hang') return;
    if (answer === 'drop') return void request.socket.destroy();
    if (answer === 'stall-body' || answer === 'cut-body') {
      response.writeHead(200, { 'content-type': 'application/json' }).write('{"reportId":');
      if (answer === 'cut-body') setImmediate(() => request.socket.destroy());
      return;
    }
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
