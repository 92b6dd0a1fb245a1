import { parseDeployOptions } from './deploy-options.js';

describe('parseDeployOptions', () => {
  it('deploys the named project to dev by default, for real', () => {
    expect(parseDeployOptions(['resources-lambda'], {})).toEqual({
      project: 'resources-lambda',
      envName: 'dev',
      dryRun: false,
    });
  });

  it('reads the environment and the dry-run switch from the environment', () => {
    expect(parseDeployOptions(['infra'], { DEPLOY_ENV: 'prod', DEPLOY_DRY_RUN: '1' })).toEqual({
      project: 'infra',
      envName: 'prod',
      dryRun: true,
    });
    expect(parseDeployOptions(['infra'], { DEPLOY_DRY_RUN: 'true' }).dryRun).toBe(true);
    expect(parseDeployOptions(['infra'], { DEPLOY_DRY_RUN: '0' }).dryRun).toBe(false);
  });

  it('refuses flags such as the --dry-run Nx forwards, so a dry run is never silently a deploy', () => {
    expect(() => parseDeployOptions(['infra', '--dry-run'], {})).toThrow(
      'unexpected flag --dry-run: options come from the environment (a dry run is DEPLOY_DRY_RUN=1)',
    );
  });

  it('refuses a DEPLOY_DRY_RUN value it cannot read as on or off', () => {
    expect(() => parseDeployOptions(['infra'], { DEPLOY_DRY_RUN: 'yes' })).toThrow(
      'DEPLOY_DRY_RUN: expected 1 or 0 (or true/false)',
    );
  });

  it('refuses a malformed environment name and a missing or extra project', () => {
    expect(() => parseDeployOptions(['infra'], { DEPLOY_ENV: 'Prod!' })).toThrow(
      'DEPLOY_ENV: expected an environment name',
    );
    expect(() => parseDeployOptions([], {})).toThrow('expected exactly one project, got 0');
    expect(() => parseDeployOptions(['infra', 'router'], {})).toThrow(
      'expected exactly one project, got 2',
    );
  });
});
