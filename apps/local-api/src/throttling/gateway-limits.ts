import type { LimitVerdict, UsageLimiter } from './usage-limiter.js';

/** What the gateway asks before it runs the authorizer and before it calls the integration. */
export interface GatewayLimits {
  /** The stage's throttle. */
  admitToStage(): LimitVerdict;
  /** The usage plan's throttle and quota for the authorizer's `usageIdentifierKey`. */
  admitToUsagePlan(usageIdentifierKey: string, apiKey: string): Promise<LimitVerdict>;
}

/** The limiter, with each identifier's usage plan found from the presented key. */
export function gatewayLimits(
  limiter: UsageLimiter,
  usagePlanOf: (apiKey: string) => Promise<string>,
): GatewayLimits {
  return {
    admitToStage: () => limiter.admitToStage(),
    admitToUsagePlan: async (usageIdentifierKey, apiKey) =>
      limiter.admitToUsagePlan(usageIdentifierKey, await usagePlanOf(apiKey)),
  };
}
