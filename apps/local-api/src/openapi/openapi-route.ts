import type { GatewayRequest } from '../gateway/gateway-request.js';
import type { GatewayResponse } from '../gateway/gateway-response.js';
import { gatewayProblem } from '../gateway/problem.js';
import type { OpenApiFiles } from './openapi-files.js';

const DOCUMENT_PATH = /^\/openapi\/(\d{4}-\d{2}-\d{2})\.json$/;

function json(value: unknown): GatewayResponse {
  return {
    statusCode: 200,
    headers: { 'Content-Type': ['application/json'] },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/**
 * `GET /openapi` (the versions) and `GET /openapi/<version>.json`, served without a key as
 * the stage publishes them; other requests are not for it (undefined). A served document
 * lists this local API first among its servers.
 */
export function openApiRoute(
  files: OpenApiFiles,
): (request: GatewayRequest, requestId: string) => GatewayResponse | undefined {
  return (request, requestId) => {
    if (request.path !== '/openapi' && !request.path.startsWith('/openapi/')) return undefined;
    // API Gateway answers a method or path no resource declares as not found.
    if (request.method !== 'GET') return gatewayProblem('not-found', requestId);
    if (request.path === '/openapi') return json(files.index);
    const version = DOCUMENT_PATH.exec(request.path)?.[1];
    const document = version === undefined ? undefined : files.documents.get(version);
    if (document === undefined) return gatewayProblem('not-found', requestId);
    const servers = Array.isArray(document['servers']) ? (document['servers'] as unknown[]) : [];
    return json({
      ...document,
      servers: [{ url: `http://${request.host}`, description: 'this local API' }, ...servers],
    });
  };
}
