import { deployEnvironmentFrom } from './deploy-environment.js';
import { devEnvironment } from './deploy-environment.test-support.js';

const infraConfig = {
  project: 'tollgate',
  account: '111111111111',
  region: 'eu-west-1',
  repository: { name: 'tollgate', maxImageCount: 50 },
  architecture: 'arm64',
  vpc: { vpcId: 'vpc-0a1b2c3d4e5f60001' },
};

describe('deployEnvironmentFrom', () => {
  it('takes the names, account, region, repository and architecture from the infra config', () => {
    expect(deployEnvironmentFrom('dev', infraConfig)).toEqual(devEnvironment);
  });

  it('names every value it cannot use', () => {
    expect(() =>
      deployEnvironmentFrom('prod', {
        ...infraConfig,
        account: '42',
        repository: {},
        architecture: 'sparc',
      }),
    ).toThrow(
      'infra config for env "prod" is unusable: account: expected a 12-digit AWS account id; ' +
        'repository.name: Invalid input: expected string, received undefined; ' +
        'architecture: Invalid option: expected one of "arm64"|"x86_64"',
    );
  });
});
