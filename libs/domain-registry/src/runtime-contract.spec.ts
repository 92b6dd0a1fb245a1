import { authorizerImage, domains, lambdaImages } from './domains.js';
import { localValues, platformSecrets, secretsReadBy } from './runtime-contract.js';

describe('runtime contracts', () => {
  it('list the secrets a Lambda reads once each, in declaration order', () => {
    expect(
      secretsReadBy({
        aws: {
          A: { secret: 'database' },
          B: { config: 'analyticsApiUrl' },
          C: { secret: 'apiKeys' },
          D: { secret: 'database' },
        },
        local: {},
      }),
    ).toEqual(['database', 'apiKeys']);
  });

  it('keep the database from the authorizer and the key map from every domain', () => {
    expect(secretsReadBy(authorizerImage.runtime)).toEqual(['apiKeys']);
    for (const domain of domains) expect(secretsReadBy(domain.runtime)).not.toContain('apiKeys');
  });

  it.each(lambdaImages.map((image) => [image.lambdaApp, image.runtime] as const))(
    '%s names only known secrets and local values',
    (_app, runtime) => {
      for (const secret of secretsReadBy(runtime)) expect(platformSecrets).toContain(secret);
      for (const value of Object.values(runtime.local)) expect(localValues).toContain(value);
    },
  );
});
