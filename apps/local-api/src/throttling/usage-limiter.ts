import { DEFAULT_USAGE_PLAN } from '@tollgate/authz';
import { type QuotaPeriod, quotaPeriodStart } from './quota-period.js';
import { type Throttle, TokenBucket } from './token-bucket.js';

/** One usage plan's limits for each of its API keys, as the platform config states them. */
export interface UsagePlanLimits {
  readonly throttle: Throttle;
  readonly quota?: { readonly limit: number; readonly period: QuotaPeriod };
}

/** `throttled`: API Gateway's THROTTLED (429 Too Many Requests); `quota-exceeded`: its QUOTA_EXCEEDED (429 Limit Exceeded). */
export type LimitVerdict = 'admitted' | 'throttled' | 'quota-exceeded';

export interface UsageLimiterOptions {
  /** The stage's throttle: every request together. */
  readonly stage: Throttle;
  /** By name; must hold `default`. */
  readonly usagePlans: Readonly<Record<string, UsagePlanLimits>>;
  /** Epoch ms; default `Date.now`. */
  readonly now?: () => number;
}

interface IdentifierUsage {
  readonly plan: UsagePlanLimits;
  readonly bucket: TokenBucket;
  quotaPeriod: number;
  quotaUsed: number;
}

/**
 * The limits API Gateway applies: the stage's token bucket for all requests, and per usage
 * identifier (the API key the authorizer names) its usage plan's token bucket and quota.
 * Identifiers come from Allow answers only, so their number is bounded by the key map.
 */
export class UsageLimiter {
  private readonly stage: TokenBucket;
  private readonly usagePlans: Readonly<Record<string, UsagePlanLimits>>;
  private readonly now: () => number;
  private readonly usage = new Map<string, IdentifierUsage>();

  constructor(options: UsageLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.usagePlans = options.usagePlans;
    if (!Object.hasOwn(this.usagePlans, DEFAULT_USAGE_PLAN)) {
      throw new RangeError(`usagePlans must define "${DEFAULT_USAGE_PLAN}"`);
    }
    this.stage = new TokenBucket(options.stage, this.now());
  }

  /** The stage's throttle, before anything else is done for the request. */
  admitToStage(): LimitVerdict {
    return this.stage.take(this.now()) ? 'admitted' : 'throttled';
  }

  /** The usage plan's quota and throttle for `identifier`; an admitted request counts against both. */
  admitToUsagePlan(identifier: string, planName: string): LimitVerdict {
    const now = this.now();
    const usage = this.usageOf(identifier, this.planNamed(planName), now);
    const { quota } = usage.plan;
    if (quota !== undefined) {
      const period = quotaPeriodStart(quota.period, now);
      if (period > usage.quotaPeriod) {
        usage.quotaPeriod = period;
        usage.quotaUsed = 0;
      }
      if (usage.quotaUsed >= quota.limit) return 'quota-exceeded';
    }
    if (!usage.bucket.take(now)) return 'throttled';
    usage.quotaUsed++;
    return 'admitted';
  }

  private planNamed(name: string): UsagePlanLimits {
    // A plan the config no longer names: its keys fall back to `default`, as usagePlanOf does.
    return (
      (Object.hasOwn(this.usagePlans, name) ? this.usagePlans[name] : undefined) ??
      (this.usagePlans[DEFAULT_USAGE_PLAN] as UsagePlanLimits)
    );
  }

  private usageOf(identifier: string, plan: UsagePlanLimits, now: number): IdentifierUsage {
    let usage = this.usage.get(identifier);
    // A key moved to another plan starts afresh under that plan, as a re-registered API key does.
    if (usage === undefined || usage.plan !== plan) {
      usage = {
        plan,
        bucket: new TokenBucket(plan.throttle, now),
        quotaPeriod: -Infinity,
        quotaUsed: 0,
      };
      this.usage.set(identifier, usage);
    }
    return usage;
  }
}
