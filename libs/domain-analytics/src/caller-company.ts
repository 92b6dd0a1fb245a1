import type { ApiGatewayProxyEvent } from '@tollgate/router';

/**
 * The authorizer context has no valid `companyId`. The authorizer always sets one, so this is a
 * wiring fault, not the caller's: the router answers a logged 500 that reveals nothing.
 */
export class CallerContextError extends Error {
  override readonly name = 'CallerContextError';
}

/** A positive integer in decimal, as API Gateway stringifies the authorizer's number. */
const companyIdPattern = /^[1-9][0-9]{0,17}$/;

/**
 * The caller's company from the authorizer context, with the same rule as the resources
 * domain's reader (`libs/domain-resources/src/http/caller-company.ts`).
 */
export function callerCompanyId(event: ApiGatewayProxyEvent): string {
  const value = event.requestContext.authorizer?.['companyId'];
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !companyIdPattern.test(text)) {
    throw new CallerContextError('authorizer context has no valid companyId');
  }
  return text;
}
