/** What the gateway writes back to the HTTP client. Header names keep their casing. */
export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string[]>;
  readonly body: Buffer;
}
