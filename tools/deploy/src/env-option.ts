import { DeployError } from './deploy-error.js';

export interface EnvOption {
  readonly envName: string;
  readonly dryRun: boolean;
}

/** `--env <name>` (or `--env=<name>`) and, where `allowDryRun`, `--dry-run`; anything else is refused. */
export function parseEnvOption(
  argv: readonly string[],
  usage: string,
  { allowDryRun }: { allowDryRun: boolean },
): EnvOption {
  let envName: string | undefined;
  let dryRun = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--env') envName = argv[(index += 1)];
    else if (arg.startsWith('--env=')) envName = arg.slice('--env='.length);
    else if (arg === '--dry-run' && allowDryRun) dryRun = true;
    else throw new DeployError(`unexpected argument "${arg}"\n${usage}`);
  }
  if (envName === undefined || !/^[a-z][a-z0-9-]*$/.test(envName)) {
    throw new DeployError(`expected --env <name>, such as --env dev\n${usage}`);
  }
  return { envName, dryRun };
}
