import { companyIdPattern } from '@tollgate/authz';

/**
 * A valid `companyId` is the one rule the authorizer enforces when it loads the key map: a
 * positive integer in decimal (API Gateway stringifies the authorizer's number), at most 18
 * digits so it fits a PostgreSQL bigint. Sharing it means a key the authorizer allows can never
 * make a domain answer 500.
 */
export { companyIdPattern };

/**
 * The authorizer context has no valid `companyId`. The authorizer always sets one, so this is a
 * wiring fault, not the caller's: the router answers a logged 500 that reveals nothing.
 */
export class CallerContextError extends Error {
  override readonly name = 'CallerContextError';
}

/** The part of a proxy event the reader looks at (API Gateway's and the router's fit). */
export interface AuthorizedEvent {
  readonly requestContext: { readonly authorizer?: Readonly<Record<string, unknown>> | null };
}

/** The caller's company from the authorizer context. */
export function callerCompanyId(event: AuthorizedEvent): string {
  const value = event.requestContext.authorizer?.['companyId'];
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !companyIdPattern.test(text)) {
    throw new CallerContextError('authorizer context has no valid companyId');
  }
  return text;
}
