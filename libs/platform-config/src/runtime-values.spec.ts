import { loadConfig } from './load-config.js';
import { PlatformConfigError } from './platform-config-error.js';
import { platformConfigValue } from './runtime-values.js';

describe('platformConfigValue', () => {
  const dev = loadConfig('dev');

  it('tells the authorizer the usage identifiers, the usage plans and the deployment’s namespace', () => {
    expect(platformConfigValue(dev, 'usageIdentifiers', 'dev')).toBe('per-key');
    expect(platformConfigValue(dev, 'usagePlans', 'dev')).toBe('default,partner');
    expect(platformConfigValue(dev, 'usageIdentifierNamespace', 'dev')).toBe('tollgate-dev');
    const perPlan = { ...dev, api: { ...dev.api, usageIdentifiers: 'per-plan' as const } };
    expect(platformConfigValue(perPlan, 'usageIdentifiers', 'dev')).toBe('per-plan');
  });

  it('refuses to name the namespace without the environment', () => {
    expect(() => platformConfigValue(dev, 'usageIdentifierNamespace')).toThrow(
      new PlatformConfigError('usageIdentifierNamespace needs the environment name'),
    );
  });
});
