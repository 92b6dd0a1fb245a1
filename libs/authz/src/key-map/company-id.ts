/**
 * The one rule for a `companyId`, the tenant every domain filters by: a positive integer, or
 * the same as a decimal string of 1 to 18 digits without leading zeros. The domains accept
 * exactly this; a key map naming anything else would let a request through to a 500.
 */
export const companyIdPattern = /^[1-9][0-9]{0,17}$/;

export function isCompanyId(value: unknown): value is number | string {
  return typeof value === 'number' ? Number.isSafeInteger(value) && value > 0 : typeof value === 'string' && companyIdPattern.test(value);
}
