import { isCompanyId } from '@tollgate/authz';
import { callerCompanyId, CallerContextError } from '@tollgate/runtime-kit';
import fc from 'fast-check';

// authz (published, no workspace dependency) checks a key's companyId when the key map loads;
// the domains read it back through the runtime kit (which may not depend on authz). This app
// sees both: here the two are held to one rule, so a key the authorizer accepts can never make
// a domain answer 500, and a companyId a domain refuses can never be in a loaded key map.
function domainAccepts(companyId: unknown): boolean {
  try {
    callerCompanyId({ requestContext: { authorizer: { companyId } } });
    return true;
  } catch (error) {
    if (error instanceof CallerContextError) return false;
    throw error;
  }
}

const candidates = fc.oneof(
  fc.stringMatching(/^-?[0-9]{0,20}$/),
  fc.string(),
  fc.integer(),
  fc.maxSafeNat(),
  fc.double(),
  fc.constantFrom(
    'acme',
    '0',
    '007',
    '',
    ' 42',
    '42 ',
    '1e3',
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    '123456789012345678',
    '1234567890123456789',
  ),
);

describe('the companyId rule', () => {
  it('is the same in the key map (authz) and in the domains (runtime kit)', () => {
    fc.assert(
      fc.property(candidates, (companyId) => {
        expect(domainAccepts(companyId)).toBe(isCompanyId(companyId));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts positive decimal ids up to 18 digits and nothing else', () => {
    expect([42, '42', '123456789012345678'].map(isCompanyId)).toEqual([true, true, true]);
    expect(['acme', 0, '0', '007', -1, 1.5, '1234567890123456789'].map(isCompanyId)).toEqual(
      Array(7).fill(false),
    );
  });
});
