import {
  buildPolicy,
  compileKeyMap,
  decide,
  hashedKeyName,
  KeyMapFormatError,
} from '@tollgate/authz';
import {
  pathMatchingCases,
  referencePathMatch,
  templateGrammarCases,
} from '@tollgate/router/testing';

// The authorizer's matchers held to the shared path-matching cases of `@tollgate/router/testing`
// (the router, the local API's resources and the router's test events run the same cases).

const cases = pathMatchingCases.flatMap(({ name, templates, paths }) =>
  paths.map((path) => ({ name, templates, path })),
);
const keyOf = (i: number) => `sk_test_conformance_${String(i).padStart(4, '0')}`;

/** A map with one key per template, each granted GET on its template only. */
function keyMapFor(templates: readonly string[], servedPaths?: readonly string[]) {
  const keys = Object.fromEntries(
    templates.map((path, i) => [
      hashedKeyName(keyOf(i)),
      { companyId: 42, userId: i, grants: [{ method: 'GET', path }] },
    ]),
  );
  return compileKeyMap({ version: 2, plans: {}, keys }, { servedPaths });
}

/** The template whose key the authorizer allows: the one it judged the request on. */
function authorizedTemplate(
  templates: readonly string[],
  path: string,
  servedPaths?: readonly string[],
): string | undefined {
  const map = keyMapFor(templates, servedPaths);
  // Every key judged once first, so that every granted template is known to the map.
  templates.forEach((_, i) =>
    decide(map, { apiKey: keyOf(i), method: 'GET', path: '/', queryParameterNames: [] }),
  );
  const allowed = templates.filter(
    (_, i) =>
      decide(map, { apiKey: keyOf(i), method: 'GET', path, queryParameterNames: [] }).effect ===
      'Allow',
  );
  expect(allowed.length).toBeLessThanOrEqual(1);
  return allowed[0];
}

describe('the key map’s grant templates, in the shared template grammar', () => {
  // A version-1 map is validated whole when it loads (version 2 validates a key's entry on its first use).
  const compile = (path: string) => () =>
    compileKeyMap({
      [keyOf(0)]: { companyId: 42, userId: 7, authorizedRequests: [{ method: 'GET', path }] },
    });
  it.each(templateGrammarCases.valid)('accepts %j', (template) =>
    expect(compile(template)).not.toThrow(),
  );
  it.each(templateGrammarCases.invalid)('refuses %j', (template) =>
    expect(compile(template)).toThrow(KeyMapFormatError),
  );
  it.each(templateGrammarCases.invalid)('refuses %j as a served path', (template) =>
    expect(() => keyMapFor([], [template])).toThrow(TypeError),
  );
});

describe('the authorizer on the shared path-matching conformance cases', () => {
  it.each(cases)(
    'allows exactly the key granted the template the router serves: $name: $path',
    ({ templates, path }) => {
      const expected = referencePathMatch(templates, path)?.template;
      expect(authorizedTemplate(templates, path, templates)).toBe(expected);
      // Granted templates alone (no served paths) decide the same once every key has been judged.
      expect(authorizedTemplate(templates, path)).toBe(expected);
    },
  );
});

/** IAM's resource wildcards: `*` any run of characters (`/` included), `?` one character. */
function iamMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

describe('the granted ARNs of a cached policy, on the same cases', () => {
  const arnOf = (path: string) => `arn:aws:execute-api:eu-west-1:123456789012:api/prod/GET${path}`;

  /** The Allow resources of the granted-arns policy of a key granted GET `template`, for a request to `/`. */
  function grantedArnPatterns(template: string): string[] {
    const map = keyMapFor([template], [template]);
    const decision = decide(map, {
      apiKey: keyOf(0),
      method: 'GET',
      path: '/',
      queryParameterNames: [],
    });
    if (decision.effect === 'Unknown') throw new Error('the key is unknown');
    const policy = buildPolicy(decision, { methodArn: arnOf('/') }, 'granted-arns');
    const allow = policy.policyDocument.Statement.find((s) => s.Effect === 'Allow');
    const resources = [allow?.Resource ?? []].flat();
    return resources.filter((resource) => resource !== arnOf('/') || template === '/');
  }

  // IAM semantics allow no more: a policy lists patterns (no precedence between them), `*` spans
  // `/`, and the ARN is compared as API Gateway writes it, not decoded. So the patterns cover
  // every unencoded path the router serves from the template — they are coarser, never narrower
  // (libs/authz/README.md, "Cached authorizers").
  it.each(cases.filter(({ path }) => !path.includes('%') && path.startsWith('/')))(
    'cover every path the template serves: $name: $path',
    ({ templates, path }) => {
      for (const template of templates) {
        const served = referencePathMatch([template], path) !== undefined;
        if (served)
          expect(grantedArnPatterns(template).some((p) => iamMatches(p, arnOf(path)))).toBe(true);
      }
    },
  );

  it('are coarser than the grants where IAM cannot say more (the documented deviations)', () => {
    const [pattern] = grantedArnPatterns('/resources/{id}');
    expect(pattern).toBe(arnOf('/resources/*'));
    // `*` spans `/`, and knows nothing of a static sibling the router would prefer.
    expect(iamMatches(pattern ?? '', arnOf('/resources/1/items'))).toBe(true);
    expect(iamMatches(pattern ?? '', arnOf('/resources/search'))).toBe(true);
  });
});
