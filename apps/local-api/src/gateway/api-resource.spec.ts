import type { DomainDefinition } from '@tollgate/domain-registry';
import { domains } from '@tollgate/domain-registry';
import { pathMatchingCases, referencePathMatch } from '@tollgate/router/testing';
import { createResourceMatcher } from './api-resource.js';

const registry: DomainDefinition[] = [
  {
    name: 'things',
    lambdaApp: 'things-lambda',
    imageName: 'things',
    runtime: { aws: {}, local: {} },
    basePaths: ['/things'],
    apiResources: ['/things', '/things/{proxy+}', '/things/special'],
  },
  {
    name: 'items',
    lambdaApp: 'items-lambda',
    imageName: 'items',
    runtime: { aws: {}, local: {} },
    basePaths: ['/items'],
    apiResources: ['/items/{id}'],
  },
];
const match = createResourceMatcher(registry);

describe('createResourceMatcher', () => {
  it('resolves a literal resource with no path parameters', () => {
    expect(match('/things')).toEqual({
      domain: registry[0],
      resource: '/things',
      pathParameters: {},
    });
  });

  it('captures everything below a greedy {proxy+} resource, decoded', () => {
    expect(match('/things/a/b%20c')).toMatchObject({
      resource: '/things/{proxy+}',
      pathParameters: { proxy: 'a/b c' },
    });
  });

  it('prefers a literal resource over a greedy one, whatever the declaration order', () => {
    expect(match('/things/special')?.resource).toBe('/things/special');
  });

  it('matches {name} against exactly one segment', () => {
    expect(match('/items/42')).toMatchObject({
      resource: '/items/{id}',
      pathParameters: { id: '42' },
    });
    expect(match('/items/42/more')).toBeUndefined();
    expect(match('/items')).toBeUndefined();
  });

  it('finds no resource for paths no domain declares', () => {
    expect(match('/')).toBeUndefined();
    expect(match('/thingsX')).toBeUndefined();
    expect(match('/things/')).toBeUndefined();
  });

  it('keeps a malformed percent-encoding as sent', () => {
    expect(match('/things/%E0%A4%A')?.pathParameters).toEqual({ proxy: '%E0%A4%A' });
  });

  it('routes the real registry: /resources and below, /analytics only below', () => {
    const real = createResourceMatcher(domains);
    expect(real('/resources')?.domain.name).toBe('resources');
    expect(real('/resources/1')?.domain.name).toBe('resources');
    expect(real('/analytics/r-1')?.domain.name).toBe('analytics');
    expect(real('/analytics')).toBeUndefined();
  });
});

describe('createResourceMatcher, on the shared path-matching conformance cases', () => {
  const cases = pathMatchingCases.flatMap(({ name, templates, paths }) =>
    paths.map((path) => ({ name, templates, path })),
  );
  const registryOf = (templates: readonly string[]): DomainDefinition[] => [
    { ...(registry[0] as DomainDefinition), apiResources: [...templates] },
  ];

  it.each(cases)('$name: $path', ({ templates, path }) => {
    const expected = referencePathMatch(templates, path);
    const matched = createResourceMatcher(registryOf(templates))(path);
    expect(matched?.resource).toBe(expected?.template);
    // A malformed parameter is kept as sent (API Gateway passes it on; the router answers 400).
    const params = Object.fromEntries(
      Object.entries(expected?.params ?? {}).map(([name, value]) => [
        name,
        value ?? matched?.pathParameters[name],
      ]),
    );
    expect(matched?.pathParameters).toEqual(expected && params);
  });

  it('ranks a greedy {proxy+} below a {name} at the same segment, and both below a literal', () => {
    const match = createResourceMatcher(
      registryOf(['/r/{proxy+}', '/r/{id}/x', '/r/{id}', '/r/a/{proxy+}']),
    );
    expect(match('/r/1')?.resource).toBe('/r/{id}');
    expect(match('/r/1/x')?.resource).toBe('/r/{id}/x');
    expect(match('/r/1/y')?.resource).toBe('/r/{proxy+}');
    expect(match('/r/a/x')?.resource).toBe('/r/a/{proxy+}');
    expect(match('/r/%61/x')?.resource).toBe('/r/a/{proxy+}');
  });
});
