import { UsageLimiter, type UsagePlanLimits } from './usage-limiter.js';

const plans: Record<string, UsagePlanLimits> = {
  default: { throttle: { rateLimit: 1, burstLimit: 2 } },
  partner: {
    throttle: { rateLimit: 100, burstLimit: 100 },
    quota: { limit: 3, period: 'DAY' },
  },
};

function setup(usagePlans = plans) {
  const clock = { now: Date.parse('2026-12-03T12:00:00Z') };
  const limiter = new UsageLimiter({
    stage: { rateLimit: 10, burstLimit: 5 },
    usagePlans,
    now: () => clock.now,
  });
  const admit = (identifier: string, plan = 'default', times = 1) =>
    Array.from({ length: times }, () => limiter.admitToUsagePlan(identifier, plan));
  return { clock, limiter, admit };
}

describe('UsageLimiter', () => {
  it('throttles an identifier past its usage plan’s burst, and no other identifier', () => {
    const { admit } = setup();
    expect(admit('tgu_a', 'default', 3)).toEqual(['admitted', 'admitted', 'throttled']);
    expect(admit('tgu_b')).toEqual(['admitted']);
  });

  it('refills each identifier’s bucket at its plan’s rate', () => {
    const { clock, admit } = setup();
    admit('tgu_a', 'default', 2);
    clock.now += 1000;
    expect(admit('tgu_a', 'default', 2)).toEqual(['admitted', 'throttled']);
  });

  it('applies the stage’s throttle to all requests together', () => {
    const { clock, limiter } = setup();
    const stage = () => limiter.admitToStage();
    expect(Array.from({ length: 6 }, stage)).toEqual([...Array(5).fill('admitted'), 'throttled']);
    clock.now += 100;
    expect(stage()).toBe('admitted');
  });

  it('caps an identifier at its quota until the next period, counting only admitted requests', () => {
    const { clock, admit } = setup();
    expect(admit('tgu_p', 'partner', 4)).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'quota-exceeded',
    ]);
    expect(admit('tgu_q', 'partner')).toEqual(['admitted']);
    clock.now = Date.parse('2026-12-04T00:00:00Z');
    expect(admit('tgu_p', 'partner', 4)).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'quota-exceeded',
    ]);
  });

  it('does not count throttled requests against the quota', () => {
    const { clock, admit } = setup({
      default: { throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: 2, period: 'WEEK' } },
    });
    expect(admit('tgu_a', 'default', 3)).toEqual(['admitted', 'throttled', 'throttled']);
    clock.now += 1000;
    expect(admit('tgu_a')).toEqual(['admitted']);
    clock.now += 1000;
    expect(admit('tgu_a')).toEqual(['quota-exceeded']);
  });

  it('counts a plan it does not know under default, and restarts an identifier that moves plans', () => {
    const { admit } = setup();
    expect(admit('tgu_a', 'gone', 3)).toEqual(['admitted', 'admitted', 'throttled']);
    expect(admit('tgu_a', 'default')).toEqual(['throttled']);
    expect(admit('tgu_a', 'partner')).toEqual(['admitted']);
  });

  it('needs a default usage plan', () => {
    expect(() => setup({ partner: plans['partner'] as UsagePlanLimits })).toThrow(
      'usagePlans must define "default"',
    );
  });
});
