import { hashedKeyName, usageIdentifierOf } from './key-names.js';
import { DEFAULT_USAGE_PLAN, isPlanName, usageIdentifierFor, usageIdentifierOfPlan, usagePlanOf } from './usage-plans.js';

describe('usagePlanOf', () => {
  it('is the first of the key’s plans that is a usage plan', () => {
    expect(usagePlanOf(['read-resources', 'gold', 'silver'], ['silver', 'gold'])).toBe('gold');
  });

  it('is the default plan when none of the key’s plans is a usage plan, or it has none', () => {
    expect(usagePlanOf(['read-resources'], ['gold'])).toBe(DEFAULT_USAGE_PLAN);
    expect(usagePlanOf([], ['gold'])).toBe('default');
  });
});

describe('usageIdentifierFor', () => {
  const key = 'tg_test_example';
  const stored = hashedKeyName(key);

  it('per key: the key’s own identifier, whatever its plans', () => {
    expect(usageIdentifierFor({ mode: 'per-key' }, stored, ['gold'])).toBe(usageIdentifierOf(key));
  });

  it('per plan: one identifier per deployment and usage plan, shared by the plan’s keys', () => {
    const perPlan = { mode: 'per-plan', namespace: 'tollgate-prod', usagePlans: ['gold'] } as const;
    const gold = usageIdentifierFor(perPlan, stored, ['gold']);
    expect(gold).toBe(usageIdentifierOfPlan('tollgate-prod', 'gold'));
    expect(usageIdentifierFor(perPlan, hashedKeyName('tg_test_other'), ['x', 'gold'])).toBe(gold);
    expect(usageIdentifierFor(perPlan, stored, [])).toBe(usageIdentifierOfPlan('tollgate-prod', 'default'));
    expect(usageIdentifierOfPlan('tollgate-dev', 'gold')).not.toBe(gold);
    expect(gold).toMatch(/^tgp_[0-9a-f]{40}$/);
  });
});

describe('isPlanName', () => {
  it('is 1–64 of A–Z a–z 0–9 _ . : -, starting with a letter or digit: the rule of key-map plans and usage plans alike', () => {
    expect(['default', 'partner', 'Gold.v2', 'tier:1_a-b', 'x'.repeat(64)].every(isPlanName)).toBe(true);
    expect(['', '-gold', '.gold', 'gold plan', 'gold/1', 'x'.repeat(65)].some(isPlanName)).toBe(false);
  });
});
