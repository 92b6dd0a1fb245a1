import type { LambdaImageDefinition, LocalValue } from '@tollgate/domain-registry';

export interface LocalLambdaEnvironment {
  /** Every bundle's local variables (the bundles share one process). */
  readonly set: Readonly<Record<string, string>>;
  /** AWS-only variables: set, they would send a bundle to Secrets Manager. */
  readonly unset: readonly string[];
}

/**
 * The environment of the bundles on this machine, from each registry contract's `local` part.
 * Two bundles asking for one variable with different values cannot share a process: refused.
 */
export function localLambdaEnvironment(
  images: readonly LambdaImageDefinition[],
  values: Readonly<Record<LocalValue, string>>,
): LocalLambdaEnvironment {
  const set: Record<string, string> = {};
  for (const { lambdaApp, runtime } of images) {
    for (const [variable, name] of Object.entries(runtime.local)) {
      const value = values[name];
      if (Object.hasOwn(set, variable) && set[variable] !== value) {
        throw new Error(`${lambdaApp} needs ${variable} set differently from another Lambda`);
      }
      set[variable] = value;
    }
  }
  const unset = images
    .flatMap(({ runtime }) => Object.keys(runtime.aws))
    .filter((variable) => !Object.hasOwn(set, variable));
  return { set, unset: [...new Set(unset)] };
}
