import { companyIdPattern, isCompanyId } from './company-id.js';

describe('isCompanyId', () => {
  it.each([1, 42, Number.MAX_SAFE_INTEGER, '1', '42', '900000000000000000'])('accepts %p', (value) => {
    expect(isCompanyId(value)).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, '', '0', '007', '-1', '1.0', '1e3', 'acme', ' 1', '1 ', '1234567890123456789', null, undefined, {}, [1]])(
    'rejects %p',
    (value) => {
      expect(isCompanyId(value)).toBe(false);
    },
  );

  it('is the pattern the domains use for a path or context companyId', () => {
    expect(companyIdPattern.source).toBe('^[1-9][0-9]{0,17}$');
  });
});
