import { lambdaImages } from '@tollgate/domain-registry';
import { formatCommand } from './command.js';
import { devEnvironment, sampleSha } from './deploy-environment.test-support.js';
import { planFirstDeploy } from './first-deploy-plan.js';

const plan = planFirstDeploy({ environment: devEnvironment, gitSha: sampleSha });
const tagOf = (image: string) => `tollgate-${image}-${sampleSha}`;
// Every Lambda of the registry, in its order (generated domains included).
const imageNames = lambdaImages.map((image) => image.imageName);
const allTags = imageNames.map((image) => `-c imageTag.${image}=${tagOf(image)}`).join(' ');

describe('a first deploy of a new environment', () => {
  it('deploys the ECR repository stack alone first', () => {
    expect(formatCommand(plan.repository)).toBe(
      '(cd apps/infra && npx cdk deploy tollgate-dev-repository --exclusively --require-approval never -c env=dev -c features=repository)',
    );
  });

  it('then builds every bundle and pushes every image, each at this commit’s tag', () => {
    expect(formatCommand(plan.bundles)).toBe(
      `npx nx run-many -t build -p ${lambdaImages.map((image) => image.lambdaApp).join(' ')}`,
    );
    expect(plan.images.map((image) => image.tag)).toEqual(imageNames.map(tagOf));
    expect(plan.images.map((image) => formatCommand(image.push))).toEqual(
      imageNames.map(
        (image) =>
          `docker push 111111111111.dkr.ecr.eu-west-1.amazonaws.com/tollgate:${tagOf(image)}`,
      ),
    );
  });

  it('then deploys every stack (FeatureSet all) with every image’s tag', () => {
    expect(formatCommand(plan.deploy)).toBe(
      `(cd apps/infra && npx cdk deploy --all --require-approval never -c env=dev -c features=all ${allTags})`,
    );
    expect(formatCommand(plan.synth)).toBe(
      `(cd apps/infra && npx cdk synth --quiet -c env=dev -c features=all ${allTags})`,
    );
  });
});
