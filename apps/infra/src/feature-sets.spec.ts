import { lambdaImages, lambdaStackKind } from '@tollgate/domain-registry';
import { PlatformConfigError } from '@tollgate/platform-config';
import { featureSets } from './feature-sets.js';
import { synthesizeForTest } from './testing/synth-fixture.test-support.js';

const stacksOf = (features: string, context: Record<string, unknown> = {}, sampleTags = true) =>
  synthesizeForTest({ env: 'dev', features, ...context }, { sampleTags }).assembly.stacks.map(
    (s) => s.stackName,
  );

const lambdas = lambdaImages.map((image) => lambdaStackKind(image.imageName));
const expectedStacks: Record<string, string[]> = {
  all: ['account', 'repository', 'lambda-role', ...lambdas, 'custom-domain', 'rest-api', 'alarms'],
  account: ['account'],
  repository: ['repository'],
  'api-gateway': ['account', 'lambda-role', ...lambdas, 'custom-domain', 'rest-api'],
  alarms: ['alarms'],
  shared: ['account', 'repository', 'lambda-role', 'custom-domain', 'rest-api', 'alarms'],
  ...Object.fromEntries(lambdas.map((kind) => [kind, [kind]])),
};

describe('FeatureSets', () => {
  it('are exactly the sets this spec describes', () => {
    expect(Object.keys(featureSets).sort()).toEqual(Object.keys(expectedStacks).sort());
  });

  it.each(Object.entries(expectedStacks))(
    '%s instantiates exactly its stacks',
    (features, kinds) => {
      expect(stacksOf(features).sort()).toEqual(kinds.map((kind) => `tollgate-dev-${kind}`).sort());
    },
  );

  it('combines a comma list, each stack once, in deploy order', () => {
    const { stacks } = synthesizeForTest({ env: 'dev', features: 'alarms, repository,alarms' });
    expect([...stacks.keys()]).toEqual(['repository', 'alarms']);
  });

  it('rejects an unknown set with one line listing the known ones', () => {
    expect(() => stacksOf('alarms,everything')).toThrow(
      new PlatformConfigError(
        `Unknown FeatureSet "everything" in -c features: expected one of ${Object.keys(expectedStacks).join(', ')}`,
      ),
    );
  });

  it('requires -c features and -c env', () => {
    expect(() => synthesizeForTest({ env: 'dev' })).toThrow(
      /^Missing context features: pass -c features=</,
    );
    expect(() => synthesizeForTest({ features: 'alarms' })).toThrow(
      new PlatformConfigError('Missing context env: pass -c env=dev|prod'),
    );
  });
});

describe('image tags', () => {
  it('deploying one Lambda needs only that Lambda’s tag', () => {
    const tag = 'tollgate-resources-abc1234';
    expect(stacksOf('lambda-resources', { 'imageTag.resources': tag }, false)).toEqual([
      'tollgate-dev-lambda-resources',
    ]);
  });

  it('sets that hold no Lambda need no tag at all', () => {
    expect(stacksOf('shared', {}, false)).toHaveLength(6);
  });

  it('a missing tag fails with one line naming the context key', () => {
    expect(() =>
      stacksOf('api-gateway', { 'imageTag.authorizer': 'tollgate-authorizer-abc1234' }, false),
    ).toThrow(
      new PlatformConfigError(
        'Missing context imageTag.resources: pass -c imageTag.resources=tollgate-resources-<git-sha>',
      ),
    );
  });

  it.each([
    ['another image’s tag', 'tollgate-analytics-abc1234'],
    ['no git sha', 'tollgate-resources-latest'],
    ['a short sha', 'tollgate-resources-abc12'],
  ])('rejects %s', (_case, tag) => {
    expect(() => stacksOf('lambda-resources', { 'imageTag.resources': tag }, false)).toThrow(
      new PlatformConfigError(
        `Invalid context imageTag.resources="${tag}": expected tollgate-resources-<git-sha> (7 to 40 lowercase hex characters)`,
      ),
    );
  });
});
