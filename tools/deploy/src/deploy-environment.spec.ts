import { loadConfig } from '@tollgate/platform-config';
import { deployEnvironmentFrom, loadDeployEnvironment } from './deploy-environment.js';
import { devEnvironment } from './deploy-environment.test-support.js';

describe('deploy environment', () => {
  it('takes the names, account, region, repository and architecture from the platform config', () => {
    expect(deployEnvironmentFrom('dev', loadConfig('dev'))).toEqual(devEnvironment);
    expect(loadDeployEnvironment('dev')).toEqual(devEnvironment);
  });

  it('an unknown environment is a deploy error naming the variable', () => {
    expect(() => loadDeployEnvironment('staging')).toThrow(
      'DEPLOY_ENV=staging: Unknown env "staging": pass -c env=<dev|prod>',
    );
  });
});
