import { keyFingerprint as authorizerFingerprint } from '@tollgate/authz';
import { keyFingerprint as requestLineFingerprint } from '@tollgate/runtime-kit';
import fc from 'fast-check';

// The authorizer logs a key by its fingerprint; the domains' request lines (runtime kit, which
// may not depend on authz) compute it from the X-Api-Key header. `version-usage` joins the two,
// so they must agree for every key, unicode included.
describe('the key fingerprint', () => {
  it('is the same in the authorizer and in the request lines', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant('tg_live_x')),
        (key) => {
          expect(requestLineFingerprint(key)).toBe(authorizerFingerprint(key));
        },
      ),
    );
    expect(authorizerFingerprint('sk_local_acme_all_grants_0042')).toMatch(/^[0-9a-f]{8}$/);
  });
});
