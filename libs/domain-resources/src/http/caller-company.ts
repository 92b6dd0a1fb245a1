import type { ApiGatewayProxyEvent } from '@tollgate/router';
import { CallerContextError } from '../resources/resource-errors.js';
import type { CompanyId } from '../resources/resource-store.js';

/** A positive bigint in decimal, as API Gateway stringifies the authorizer's number. */
const companyIdPattern = /^[1-9][0-9]{0,17}$/;

/** The caller's company from the authorizer context; a missing one is a wiring fault. */
export function callerCompanyId(event: ApiGatewayProxyEvent): CompanyId {
  const value = event.requestContext.authorizer?.['companyId'];
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !companyIdPattern.test(text)) {
    throw new CallerContextError('authorizer context has no valid companyId');
  }
  return text;
}
