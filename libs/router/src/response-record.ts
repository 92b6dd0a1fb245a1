import type { ApiGatewayProxyEvent } from './api-gateway-types.js';

/** What the router reports once per request to `ApiRouterOptions.onResponse` (telemetry). */
export interface ResponseRecord {
  readonly event: ApiGatewayProxyEvent;
  readonly method: string;
  /** The matched path's template (or RegExp text); undefined when no path matched. */
  readonly route: string | undefined;
  /** The version served: one some route knows, so never arbitrary client text; else undefined. */
  readonly version: string | undefined;
  readonly status: number;
  /** From the event's arrival at the router to the finished result. */
  readonly durationMs: number;
  readonly requestId: string;
}

/** Filled in while dispatching, only when someone listens. */
export interface DispatchTrace {
  route: string | undefined;
  version: string | undefined;
}
