import type { DeployPlan, ImageSteps } from './deploy-plan.js';

/** A Lambda plan's image steps, which such a plan always has. */
export function imageSteps(plan: DeployPlan): ImageSteps {
  if (plan.image === undefined) throw new Error(`${plan.project} plans no image`);
  return plan.image;
}
