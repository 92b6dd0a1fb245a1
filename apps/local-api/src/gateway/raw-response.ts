import { STATUS_CODES } from 'node:http';
import type { GatewayResponse } from './gateway-response.js';

/**
 * A whole HTTP/1.1 response as bytes, for a socket Node's HTTP server gave up on (a request it
 * could not parse, a CONNECT): no `ServerResponse` exists there. The connection closes after it.
 */
export function rawHttpResponse(response: GatewayResponse, requestId: string): Buffer {
  const lines = [`HTTP/1.1 ${response.statusCode} ${STATUS_CODES[response.statusCode] ?? 'Error'}`];
  for (const [name, values] of Object.entries(response.headers)) {
    for (const value of values) lines.push(`${name}: ${value}`);
  }
  lines.push(
    `Content-Length: ${response.body.length}`,
    `x-amzn-RequestId: ${requestId}`,
    'Connection: close',
    '',
    '',
  );
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), response.body]);
}
