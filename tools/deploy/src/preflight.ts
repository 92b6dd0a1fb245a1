// Checks one environment's config before a deploy (see tools/deploy/README.md):
//   tsx tools/deploy/src/preflight.ts --env <env>
// Prints one line per problem and exits 1 when there is any.
import { environments } from '@tollgate/platform-config';
import { DeployError } from './deploy-error.js';
import { parseEnvOption } from './env-option.js';
import { preflightProblems } from './preflight-problems.js';

const usage = 'usage: tsx tools/deploy/src/preflight.ts --env <env>';

try {
  const { envName } = parseEnvOption(process.argv.slice(2), usage, { allowDryRun: false });
  if (!Object.hasOwn(environments, envName)) {
    throw new DeployError(
      `unknown env "${envName}": expected one of ${Object.keys(environments).join(', ')}`,
    );
  }
  const problems = preflightProblems(environments[envName]);
  for (const problem of problems) console.error(`preflight ${envName}: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
  else console.log(`preflight ${envName}: ready for a first deploy`);
} catch (error) {
  if (!(error instanceof DeployError)) throw error;
  console.error(`preflight: ${error.message}`);
  process.exitCode = 1;
}
