import { STATUS_CODES } from 'node:http';
import { gatewayFallbackProblems } from '@tollgate/domain-registry';
import type { GatewayResponse } from './gateway-response.js';
import { gatewayFallbackProblem } from './problem.js';

/**
 * The answer to a request Node's HTTP parser refused before any handler saw it, rendered as
 * DEFAULT_4XX renders API Gateway's own client errors: header section or URL over Node's limit →
 * 431, a request that took too long to arrive → 408, anything unparsable (request line, method,
 * chunked framing) → 400.
 */
export function clientErrorProblem(code: string | undefined, requestId: string): GatewayResponse {
  const status =
    code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  return gatewayFallbackProblem(
    gatewayFallbackProblems.clientError,
    status,
    STATUS_CODES[status] ?? 'Bad Request',
    requestId,
  );
}
