import {
  imageTag,
  imageTagContextKey,
  isImageTagOf,
  lambdaFunctionName,
  lambdaStackKind,
  resourcePrefix,
  stackName,
} from './naming.js';

describe('physical names', () => {
  it('prefixes everything with <project>-<env>', () => {
    expect(resourcePrefix('tollgate', 'dev')).toBe('tollgate-dev');
    expect(stackName('tollgate', 'dev', 'rest-api')).toBe('tollgate-dev-rest-api');
    expect(stackName('tollgate', 'prod', lambdaStackKind('resources'))).toBe(
      'tollgate-prod-lambda-resources',
    );
    expect(lambdaFunctionName('tollgate', 'dev', 'authorizer')).toBe('tollgate-dev-authorizer');
  });

  it('tags images <repo-name>-<image>-<git-sha> under the context key imageTag.<image>', () => {
    expect(imageTag('tollgate', 'resources', '3f2a9c1')).toBe('tollgate-resources-3f2a9c1');
    expect(imageTagContextKey('resources')).toBe('imageTag.resources');
  });

  it.each([
    ['tollgate-resources-3f2a9c1', true],
    [`tollgate-resources-${'a'.repeat(40)}`, true],
    [`tollgate-resources-${'a'.repeat(41)}`, false],
    ['tollgate-resources-3f2a9c', false],
    ['tollgate-resources-3F2A9C1', false],
    ['tollgate-resources-latest', false],
    ['tollgate-authorizer-3f2a9c1', false],
    ['other-resources-3f2a9c1', false],
  ])('%s is a resources tag of repository tollgate: %s', (tag, expected) => {
    expect(isImageTagOf('tollgate', 'resources', tag)).toBe(expected);
  });
});
