// Synthesizes every FeatureSet of every environment offline, exactly as `cdk synth` would
// (cdk.json's context, sample image tags), each into dist/apps/infra/cdk.out/feature-sets/<env>/<set>.
// Fails on any unsuppressed cdk-nag finding or construct warning.
// Narrow it with the CDK's own flags: `-c env=dev`, `-c features=alarms`, `-c imageTag.resources=…`.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { environments, loadConfig, PlatformConfigError } from '@tollgate/platform-config';
import { featureSets } from './feature-sets.js';
import { readCdkJsonContext } from './synth/cdk-json-context.js';
import { sampleImageTagContext } from './synth/sample-image-tags.js';
import { synthesize } from './synth/synthesize.js';

const outRoot = resolve(process.cwd(), '../../dist/apps/infra/cdk.out/feature-sets');

function contextArguments(args: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  args.forEach((arg, index) => {
    if (arg !== '-c' && arg !== '--context') return;
    const pair = args[index + 1] ?? '';
    const separator = pair.indexOf('=');
    if (separator < 1) throw new PlatformConfigError(`Bad ${arg} "${pair}": expected key=value`);
    context[pair.slice(0, separator)] = pair.slice(separator + 1);
  });
  return context;
}

try {
  const overrides = contextArguments(process.argv.slice(2));
  const cdkContext = readCdkJsonContext(resolve(process.cwd(), 'cdk.json'));
  const envNames = overrides['env'] ? [overrides['env']] : Object.keys(environments);
  const sets = overrides['features'] ? [overrides['features']] : Object.keys(featureSets);
  let failed = false;
  for (const env of envNames) {
    const tags = sampleImageTagContext(loadConfig(env).repository.name);
    for (const features of sets) {
      const started = performance.now();
      const outdir = resolve(outRoot, env, features.replaceAll(',', '+'));
      rmSync(outdir, { recursive: true, force: true });
      const { stacks, findings } = synthesize(
        { ...cdkContext, ...tags, ...overrides, env, features },
        { outdir },
      );
      const took = Math.round(performance.now() - started);
      console.log(
        `${env} ${features}: ${[...stacks.values()].map((s) => s.stackName).join(' ')} (${took} ms)`,
      );
      findings.forEach((finding) => console.error(`  ${finding}`));
      failed ||= findings.length > 0;
    }
  }
  console.log(`cloud assemblies in ${outRoot}`);
  if (failed) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof PlatformConfigError)) throw error;
  console.error(`infra: ${error.message}`);
  process.exitCode = 1;
}
