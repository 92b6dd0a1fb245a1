import { loadConfig } from '@tollgate/platform-config';
import { localConfigFromEnv } from './local-config.js';
import { localLimits } from './local-limits.js';

const dev = loadConfig('dev').api;

describe('localLimits', () => {
  it('applies the dev config’s stage throttle, usage plans and usage identifiers by default', () => {
    expect(localLimits(undefined)).toEqual({
      stage: dev.throttle,
      usagePlans: dev.usagePlans,
      usageIdentifiers: { mode: dev.usageIdentifiers, usagePlans: Object.keys(dev.usagePlans) },
      namespace: 'tollgate-local',
    });
  });

  it('takes LOCAL_API_LIMITS’ throttle, usage plans and usage identifiers instead', () => {
    const tiny = { default: { throttle: { rateLimit: 0.001, burstLimit: 2 } } };
    const limits = localConfigFromEnv(
      { LOCAL_API_LIMITS: JSON.stringify({ usagePlans: tiny, usageIdentifiers: 'per-plan' }) },
      process.cwd(),
    ).limits;
    expect(limits).toEqual({
      stage: dev.throttle,
      usagePlans: tiny,
      usageIdentifiers: { mode: 'per-plan', namespace: 'tollgate-local', usagePlans: ['default'] },
      namespace: 'tollgate-local',
    });
    expect(
      localLimits(JSON.stringify({ throttle: { rateLimit: 500, burstLimit: 900 } })).stage,
    ).toEqual({
      rateLimit: 500,
      burstLimit: 900,
    });
  });

  it.each([
    ['not JSON', '{', 'invalid configuration: LOCAL_API_LIMITS must be JSON'],
    [
      'an unknown setting',
      '{"stageName":"x"}',
      'invalid configuration: LOCAL_API_LIMITS must be a JSON object of throttle, usagePlans and usageIdentifiers',
    ],
    [
      'no default plan',
      '{"usagePlans":{"gold":{"throttle":{"rateLimit":1,"burstLimit":1}}}}',
      'api.usagePlans: must define the "default" usage plan',
    ],
    [
      'a plan above the stage',
      '{"usagePlans":{"default":{"throttle":{"rateLimit":1000,"burstLimit":1}}}}',
      "api.usagePlans.default.throttle: must be below the stage's throttle",
    ],
  ])('refuses %s in one line naming LOCAL_API_LIMITS', (_case, text, message) => {
    expect(() => localLimits(text)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(message) }),
    );
    expect(() => localLimits(text)).toThrow(/^invalid configuration: LOCAL_API_LIMITS /);
  });
});
