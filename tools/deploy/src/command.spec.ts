import { formatCommand } from './command.js';

describe('formatCommand', () => {
  it('prints plain words as they are', () => {
    expect(
      formatCommand({ argv: ['docker', 'push', '1.dkr.ecr.eu-west-1.amazonaws.com/r:t-1'] }),
    ).toBe('docker push 1.dkr.ecr.eu-west-1.amazonaws.com/r:t-1');
  });

  it('quotes words the shell would split or expand', () => {
    expect(formatCommand({ argv: ['echo', 'a b', "it's", '$HOME'] })).toBe(
      `echo 'a b' 'it'\\''s' '$HOME'`,
    );
  });

  it('runs a command with a working directory in a subshell, so the line is pasteable at the root', () => {
    expect(formatCommand({ argv: ['npx', 'cdk', 'synth'], cwd: 'apps/infra' })).toBe(
      '(cd apps/infra && npx cdk synth)',
    );
  });
});
