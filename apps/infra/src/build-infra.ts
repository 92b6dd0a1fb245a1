import { lambdaImages, lambdaStackKind } from '@tollgate/domain-registry';
import { Validations, type App, type Stack } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from '@tollgate/platform-config';
import {
  requireContextString,
  requireImageTag,
  type ContextReader,
} from './context/synth-context.js';
import { Deployment } from './deployment.js';
import { featureSets, resolveFeatureSets, type StackKind } from './feature-sets.js';
import { AccountStack } from './stacks/account-stack.js';
import { AlarmsStack } from './stacks/alarms-stack.js';
import { CustomDomainStack } from './stacks/custom-domain-stack.js';
import { LambdaRoleStack } from './stacks/lambda-role-stack.js';
import { LambdaStack } from './stacks/lambda-stack.js';
import { NetworkStack } from './stacks/network-stack.js';
import { RepositoryStack } from './stacks/repository-stack.js';
import { RestApiStack } from './stacks/rest-api-stack.js';

/** Which stacks must be deployed before which, when both are in the app. */
const dependsOn: Readonly<Partial<Record<StackKind, readonly StackKind[]>>> = {
  ...Object.fromEntries(
    lambdaImages.map(({ imageName }) => [
      lambdaStackKind(imageName),
      ['network', 'repository', 'lambda-role'],
    ]),
  ),
  'rest-api': [
    'account',
    ...lambdaImages.map(({ imageName }) => lambdaStackKind(imageName)),
    'custom-domain',
  ],
};

/**
 * Adds the stacks of the FeatureSets picked by `-c features=…` for `-c env=…` to the app, with
 * cdk-nag's AwsSolutions checks and cfn-guard's AWS Control Tower rules (CDK's own CloudFormation
 * validator runs too). Every context and config problem throws `PlatformConfigError`
 * before any stack exists.
 */
export function buildInfra(app: App): ReadonlyMap<StackKind, Stack> {
  const read: ContextReader = (key) => app.node.tryGetContext(key);
  const envName = requireContextString(read, 'env', 'dev|prod');
  const deployment = new Deployment(envName, loadConfig(envName));
  const kinds = resolveFeatureSets(
    requireContextString(read, 'features', `<${Object.keys(featureSets).join('|')}>[,…]`),
  ).filter((kind) => kind !== 'network' || deployment.config.vpc.secretsManagerEndpoint);
  const images = lambdaImages.filter(({ imageName }) => kinds.includes(lambdaStackKind(imageName)));
  const imageTags = new Map(
    images.map(({ imageName }) => [
      imageName,
      requireImageTag(read, deployment.config.repository.name, imageName),
    ]),
  );

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new CfnGuardValidator());

  const stacks = new Map<StackKind, Stack>();
  for (const kind of kinds) stacks.set(kind, createStack(app, deployment, kind, imageTags));
  for (const [kind, stack] of stacks) {
    for (const prerequisite of dependsOn[kind] ?? []) {
      const other = stacks.get(prerequisite);
      if (other) stack.addStackDependency(other, 'consumes its exports');
    }
  }
  return stacks;
}

function createStack(
  app: App,
  deployment: Deployment,
  kind: StackKind,
  imageTags: ReadonlyMap<string, string>,
): Stack {
  switch (kind) {
    case 'account':
      return new AccountStack(app, deployment);
    case 'network':
      return new NetworkStack(app, deployment);
    case 'repository':
      return new RepositoryStack(app, deployment);
    case 'lambda-role':
      return new LambdaRoleStack(app, deployment);
    case 'custom-domain':
      return new CustomDomainStack(app, deployment);
    case 'rest-api':
      return new RestApiStack(app, deployment);
    case 'alarms':
      return new AlarmsStack(app, deployment);
    default: {
      const image = lambdaImages.find(({ imageName }) => lambdaStackKind(imageName) === kind);
      const imageTag = image && imageTags.get(image.imageName);
      if (!image || !imageTag) throw new Error(`no Lambda image for stack kind ${kind}`);
      return new LambdaStack(app, deployment, { image, imageTag });
    }
  }
}
