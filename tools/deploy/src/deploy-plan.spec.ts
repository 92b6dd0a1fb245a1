import { lambdaImages } from '@tollgate/domain-registry';
import { formatCommand } from './command.js';
import { devEnvironment, sampleSha } from './deploy-environment.test-support.js';
import { planDeploy } from './deploy-plan.js';
import { imageSteps } from './deploy-plan.test-support.js';

const uri = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/tollgate:tollgate-resources-${sampleSha}`;

describe('planDeploy for a Lambda app', () => {
  const plan = planDeploy({
    project: 'resources-lambda',
    environment: devEnvironment,
    gitSha: sampleSha,
  });
  const image = imageSteps(plan);

  it('tags the image <repo-name>-<image-name>-<git-sha> in the environment ECR repository', () => {
    expect(image.tag).toBe(`tollgate-resources-${sampleSha}`);
    expect(image.uri).toBe(uri);
  });

  it('builds the image for the configured architecture from the app Dockerfile, without an attestation index', () => {
    expect(formatCommand(image.build)).toBe(
      `docker build --platform linux/arm64 --provenance=false -f apps/resources-lambda/Dockerfile -t ${uri} .`,
    );
    expect(formatCommand(image.push)).toBe(`docker push ${uri}`);
    expect(formatCommand(image.exists)).toBe(`docker manifest inspect ${uri}`);
  });

  it('deploys the app stack alone with its own tag and no other', () => {
    expect(formatCommand(plan.deploy)).toBe(
      '(cd apps/infra && npx cdk deploy tollgate-dev-lambda-resources --exclusively --require-approval never ' +
        `-c env=dev -c features=lambda-resources -c imageTag.resources=tollgate-resources-${sampleSha})`,
    );
  });

  it('synthesizes exactly what it deploys', () => {
    expect(formatCommand(plan.synth)).toBe(
      '(cd apps/infra && npx cdk synth tollgate-dev-lambda-resources --exclusively --quiet ' +
        `-c env=dev -c features=lambda-resources -c imageTag.resources=tollgate-resources-${sampleSha})`,
    );
  });

  it('plans every Lambda image of the registry, each with only its own image tag', () => {
    for (const { lambdaApp, imageName } of lambdaImages) {
      const { deploy, synth } = planDeploy({
        project: lambdaApp,
        environment: devEnvironment,
        gitSha: sampleSha,
      });
      for (const command of [deploy, synth]) {
        const tags = command.argv.filter((arg) => arg.startsWith('imageTag.'));
        expect(tags).toEqual([`imageTag.${imageName}=tollgate-${imageName}-${sampleSha}`]);
        expect(command.argv).toContain(`tollgate-dev-lambda-${imageName}`);
      }
    }
  });

  it('builds x86_64 images for an x86_64 environment', () => {
    const x86 = planDeploy({
      project: 'authorizer-lambda',
      environment: { ...devEnvironment, architecture: 'x86_64' },
      gitSha: sampleSha,
    });
    expect(x86.image?.build.argv).toContain('linux/amd64');
  });

  it('names stacks, repository and registry after the environment', () => {
    const prod = planDeploy({
      project: 'analytics-lambda',
      environment: {
        ...devEnvironment,
        name: 'prod',
        account: '222222222222',
        region: 'us-east-2',
        repositoryName: 'images',
      },
      gitSha: sampleSha,
    });
    expect(prod.image?.uri).toBe(
      `222222222222.dkr.ecr.us-east-2.amazonaws.com/images:images-analytics-${sampleSha}`,
    );
    expect(prod.deploy.argv).toEqual(
      expect.arrayContaining(['tollgate-prod-lambda-analytics', 'env=prod']),
    );
  });
});

describe('planDeploy for infra', () => {
  const plan = planDeploy({ project: 'infra', environment: devEnvironment, gitSha: sampleSha });

  it('deploys every stack of FeatureSet shared, which needs no image tag, and builds no image', () => {
    expect(plan.image).toBeUndefined();
    expect(formatCommand(plan.deploy)).toBe(
      '(cd apps/infra && npx cdk deploy --all --require-approval never -c env=dev -c features=shared)',
    );
    expect(formatCommand(plan.synth)).toBe(
      '(cd apps/infra && npx cdk synth --quiet -c env=dev -c features=shared)',
    );
  });
});

describe('planDeploy refuses', () => {
  it('a project that does not deploy', () => {
    expect(() =>
      planDeploy({ project: 'local-api', environment: devEnvironment, gitSha: sampleSha }),
    ).toThrow(
      `"local-api" has nothing to deploy: expected one of ${['infra', ...lambdaImages.map((image) => image.lambdaApp)].join(', ')}`,
    );
  });

  it.each(['3f2a9c1', 'HEAD', sampleSha.toUpperCase()])(
    'a commit id that is not 40 lowercase hex digits: %s',
    (sha) => {
      expect(() =>
        planDeploy({ project: 'infra', environment: devEnvironment, gitSha: sha }),
      ).toThrow('is not a full commit id');
    },
  );
});
