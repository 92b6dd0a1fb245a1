import { DeployError } from './deploy-error.js';
import { parseEnvOption } from './env-option.js';

const usage = 'usage: x --env <env>';

describe('--env option', () => {
  it.each([
    [['--env', 'prod'], { envName: 'prod', dryRun: false }],
    [['--env=dev', '--dry-run'], { envName: 'dev', dryRun: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseEnvOption(argv, usage, { allowDryRun: true })).toEqual(expected);
  });

  it.each([[[]], [['--env']], [['--env', 'Prod!']]])('requires a valid env: %j', (argv) => {
    expect(() => parseEnvOption(argv, usage, { allowDryRun: true })).toThrow(
      new DeployError(`expected --env <name>, such as --env dev\n${usage}`),
    );
  });

  it('refuses what the command does not take', () => {
    expect(() =>
      parseEnvOption(['--env', 'dev', '--dry-run'], usage, { allowDryRun: false }),
    ).toThrow(new DeployError(`unexpected argument "--dry-run"\n${usage}`));
  });
});
