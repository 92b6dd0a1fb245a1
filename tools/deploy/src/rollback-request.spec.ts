import { lambdaImages } from '@tollgate/domain-registry';
import { devEnvironment, sampleSha } from './deploy-environment.test-support.js';
import { parseRollbackArgs, rollbackTarget } from './rollback-request.js';

const tag = `tollgate-resources-${sampleSha}`;

describe('parseRollbackArgs', () => {
  it('reads environment, image and tag, waiting 300 s by default', () => {
    expect(
      parseRollbackArgs(['--environment', 'prod', '--image', 'resources', '--tag', tag]),
    ).toEqual({
      envName: 'prod',
      imageName: 'resources',
      tag,
      maxWaitSeconds: 300,
    });
    expect(
      parseRollbackArgs([
        '--environment=dev',
        '--image=authorizer',
        `--tag=${tag}`,
        '--max-wait-seconds=60',
      ]).maxWaitSeconds,
    ).toBe(60);
  });

  it('names each missing or bad option and shows the usage', () => {
    expect(() => parseRollbackArgs(['--image', 'billing'])).toThrow(
      `--environment: required; --image: required, one of ${lambdaImages.map((image) => image.imageName).join(', ')}; --tag: required\nusage: npx nx run deploy-tools:rollback`,
    );
    expect(() =>
      parseRollbackArgs([
        '--environment',
        'dev',
        '--image',
        'resources',
        '--tag',
        tag,
        '--max-wait-seconds',
        'soon',
      ]),
    ).toThrow('--max-wait-seconds: Invalid input: expected number, received NaN');
  });

  it('refuses unknown options and positional arguments', () => {
    expect(() => parseRollbackArgs(['--function', 'x'])).toThrow("Unknown option '--function'");
    expect(() => parseRollbackArgs(['resources'])).toThrow("Unexpected argument 'resources'");
  });
});

describe('rollbackTarget', () => {
  it('is the environment function of that image and the ECR URI of the tag', () => {
    expect(
      rollbackTarget(
        { envName: 'dev', imageName: 'resources', tag, maxWaitSeconds: 300 },
        devEnvironment,
      ),
    ).toEqual({
      functionName: 'tollgate-dev-resources',
      imageUri: `111111111111.dkr.ecr.eu-west-1.amazonaws.com/tollgate:${tag}`,
    });
  });

  it.each([
    [`tollgate-authorizer-${sampleSha}`, 'another image'],
    [`other-resources-${sampleSha}`, 'another repository'],
    ['tollgate-resources-latest', 'not a commit'],
  ])('refuses %s (%s)', (badTag) => {
    expect(() =>
      rollbackTarget(
        { envName: 'dev', imageName: 'resources', tag: badTag, maxWaitSeconds: 300 },
        devEnvironment,
      ),
    ).toThrow(`--tag ${badTag} is not a resources image: expected tollgate-resources-<git-sha>`);
  });
});
