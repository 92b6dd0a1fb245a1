import {
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
  type GatewayProblemBody,
} from '@tollgate/domain-registry';

/**
 * API Gateway's own error answers, rendered from the registry's gateway problem catalogue (the
 * local API renders the same catalogue). Templates are simple variable substitution (not VTL).
 */
export interface GatewayProblemResponse {
  /** `ResponseType` name, e.g. `UNAUTHORIZED`. */
  readonly type: string;
  /** Fixed status; unset for the DEFAULT_* families, which keep API Gateway's own status. */
  readonly statusCode?: string;
  /** The response template (`application/json`). */
  readonly template: string;
}

const requestId = '$context.requestId';
/** API Gateway's own message for the error; substituted already JSON-quoted. */
const gatewayMessage = '$context.error.messageString';

/** The body as JSON, with the already-quoted message variable left unquoted. */
function template(body: GatewayProblemBody): string {
  return JSON.stringify(body).replaceAll(JSON.stringify(gatewayMessage), gatewayMessage);
}

export const gatewayProblemResponses: readonly GatewayProblemResponse[] = [
  ...Object.values(gatewayProblems).flatMap((problem) =>
    problem.responseTypes.map((type) => ({
      type,
      statusCode: String(problem.status),
      template: template(gatewayProblemBody(problem, requestId)),
    })),
  ),
  ...Object.values(gatewayFallbackProblems).map((fallback) => ({
    type: fallback.responseType,
    template: template(gatewayFallbackBody(fallback, requestId, gatewayMessage)),
  })),
];
