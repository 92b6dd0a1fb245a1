import fc from 'fast-check';
import { callerCompanyId, CallerContextError, companyIdPattern } from './caller-company.js';

const eventWith = (authorizer: Record<string, unknown> | null | undefined) => ({
  requestContext: { authorizer },
});

describe('callerCompanyId', () => {
  it.each([
    ['42', '42'],
    [42, '42'],
    ['999999999999999999', '999999999999999999'],
  ])('reads %p as company %s', (companyId, expected) => {
    expect(callerCompanyId(eventWith({ companyId }))).toBe(expected);
  });

  it.each([
    undefined,
    null,
    {},
    { companyId: '' },
    { companyId: '042' },
    { companyId: '0' },
    { companyId: '-1' },
    { companyId: '1e3' },
    { companyId: '1000000000000000000' },
    { companyId: true },
  ])('refuses %p as a wiring fault', (authorizer) => {
    expect(() =>
      callerCompanyId(eventWith(authorizer as Record<string, unknown> | null | undefined)),
    ).toThrow(new CallerContextError('authorizer context has no valid companyId'));
  });

  it('accepts exactly the ids the shared pattern accepts (fits a PostgreSQL bigint)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const accepted = (() => {
          try {
            return callerCompanyId(eventWith({ companyId: text })) === text;
          } catch {
            return false;
          }
        })();
        expect(accepted).toBe(companyIdPattern.test(text));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(companyIdPattern), (text) => {
        expect(BigInt(text) <= 2n ** 63n - 1n).toBe(true);
      }),
    );
  });
});
