/**
 * A valid `companyId`: a positive integer in decimal (API Gateway stringifies the authorizer's
 * number), at most 18 digits so it fits a PostgreSQL bigint. The key map must accept no other,
 * or a key the authorizer allows would make a domain answer 500: authz's `isCompanyId` is held to
 * this same rule by apps/authorizer-lambda/src/company-id-rule.spec.ts.
 */
export const companyIdPattern = /^[1-9][0-9]{0,17}$/;

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
  // A number beyond 2^53 may already have lost digits on its way here: not an id.
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !companyIdPattern.test(text)) {
    throw new CallerContextError('authorizer context has no valid companyId');
  }
  return text;
}
