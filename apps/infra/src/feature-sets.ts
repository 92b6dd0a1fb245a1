import { lambdaImages, lambdaStackKind } from '@tollgate/domain-registry';
import { PlatformConfigError } from '@tollgate/platform-config';

export type StackKind =
  | 'account'
  | 'network'
  | 'repository'
  | 'lambda-role'
  | ReturnType<typeof lambdaStackKind>
  | 'custom-domain'
  | 'rest-api'
  | 'alarms';

const lambdaStacks: readonly StackKind[] = lambdaImages.map((image) =>
  lambdaStackKind(image.imageName),
);

/**
 * Every stack, in deploy order: account settings → VPC endpoint → ECR → role → Lambdas → custom
 * domain → API; alarms stand alone. `network` exists only where the config asks for a Secrets
 * Manager endpoint.
 */
export const stackKinds: readonly StackKind[] = [
  'account',
  'network',
  'repository',
  'lambda-role',
  ...lambdaStacks,
  'custom-domain',
  'rest-api',
  'alarms',
];

/**
 * The FeatureSets `-c features=<set>[,<set>]` picks from. `lambda-<image>` holds one Lambda's
 * stack alone, so deploying one app needs only that app's image tag; `shared` holds every stack
 * that needs no image tag (what an infra-only change redeploys).
 */
export const featureSets: Readonly<Record<string, readonly StackKind[]>> = {
  all: stackKinds,
  /** API Gateway's account-wide CloudWatch role: in every set that holds the REST API. */
  account: ['account'],
  repository: ['repository'],
  'api-gateway': [
    'account',
    'network',
    'lambda-role',
    ...lambdaStacks,
    'custom-domain',
    'rest-api',
  ],
  alarms: ['alarms'],
  shared: stackKinds.filter((kind) => !lambdaStacks.includes(kind)),
  ...Object.fromEntries(lambdaStacks.map((kind) => [kind, [kind]])),
};

/** The stacks of a comma list of FeatureSets, each once, in deploy order. */
export function resolveFeatureSets(features: string): StackKind[] {
  const wanted = new Set<StackKind>();
  for (const name of features.split(',').map((part) => part.trim())) {
    const kinds = Object.hasOwn(featureSets, name) ? featureSets[name] : undefined;
    if (kinds === undefined) {
      throw new PlatformConfigError(
        `Unknown FeatureSet "${name}" in -c features: expected one of ${Object.keys(featureSets).join(', ')}`,
      );
    }
    kinds.forEach((kind) => wanted.add(kind));
  }
  return stackKinds.filter((kind) => wanted.has(kind));
}
