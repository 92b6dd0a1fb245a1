// Cold start of the built resources-lambda bundle: 15 fresh `node` processes, each measuring
// process start → module loaded → first GET /resources/{id} answered from PostgreSQL.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx nx run resources-lambda:cold-start
// Without DATABASE_URL it measures against the embedded PGlite server (and says so). Both the
// bare-node reference and the bundle run with the variables the image sets (its Dockerfile's ENV).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
  createScratchDatabase,
  demoResourceIds,
  seedDemoData,
  type ResourcesDatabase,
} from '@tollgate/domain-resources/dev';
import { createDatabase } from '@tollgate/postgres-kit/dev';
import { proxyEvent } from '@tollgate/router/testing';
import { dockerfileEnvironment } from './dockerfile-environment.js';

const RUNS = 15;
const root = process.cwd();
const bundle = resolve(root, 'dist/apps/resources-lambda/index.js');
const probe = resolve(root, 'apps/resources-lambda/bench/cold-start-probe.cjs');
const event = proxyEvent({
  path: `/resources/${demoResourceIds.acme}`,
  resource: '/resources/{id}',
  version: '2025-03-01',
  authorizer: { principalId: '42-7', companyId: '42', userId: '7' },
  requestId: 'bench',
});

interface Sample {
  loaded: number;
  done: number;
  statusCode: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

// What the image runs with: its Dockerfile's ENV over the Lambda base image's own variables.
const imageEnvironment = dockerfileEnvironment(
  readFileSync(resolve(root, 'apps/resources-lambda/Dockerfile'), 'utf8'),
  { LAMBDA_TASK_ROOT: '/var/task', LAMBDA_RUNTIME_DIR: '/var/runtime' },
);

const serverUrl = process.env['DATABASE_URL'];
const scratch = await createScratchDatabase(serverUrl);
try {
  const db = createDatabase<ResourcesDatabase>({ connectionString: scratch.url }, { max: 1 });
  await seedDemoData(db);
  await db.destroy();

  const run = (file: string, args: string[]) =>
    execFileSync(process.execPath, [file, ...args], {
      env: { ...imageEnvironment, PATH: process.env['PATH'], DATABASE_URL: scratch.url },
      encoding: 'utf8',
    });
  // Bare node, for reference: the floor every fresh process pays before any user code. Runs
  // alternate with the bundle's so that both see the same machine load.
  const bare: number[] = [];
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(
      Number(
        run('-e', ["process.stdout.write(String(require('node:perf_hooks').performance.now()))"]),
      ),
    );
    // The probe's sample is its last line: the bundle logs its own request line before it.
    const output = run(probe, [bundle, JSON.stringify(event)]).trim().split('\n');
    const sample = JSON.parse(output[output.length - 1] ?? '') as Sample;
    if (sample.statusCode !== 200)
      throw new Error(`cold start ${i + 1} answered ${sample.statusCode}`);
    samples.push(sample);
  }
  const loaded = samples.map((s) => s.loaded);
  const done = samples.map((s) => s.done);
  console.log(
    `resources-lambda cold start, ${RUNS} fresh processes, against ${serverUrl ? 'PostgreSQL' : 'embedded PGlite'} (Node ${process.versions.node})`,
  );
  // Timings on a busy machine are not comparable: say how busy it was.
  console.log(
    `  image environment      ${Object.keys(imageEnvironment).join(', ') || '(no ENV in the Dockerfile)'}`,
  );
  console.log(
    `  load average           ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores`,
  );
  console.log(
    `  bundle                 ${statSync(bundle).size} bytes (${(statSync(bundle).size / 1024).toFixed(1)} KiB)`,
  );
  console.log(
    `  bare node              median ${ms(percentile(bare, 50))}  p90 ${ms(percentile(bare, 90))}`,
  );
  console.log(
    `  module loaded          median ${ms(percentile(loaded, 50))}  p90 ${ms(percentile(loaded, 90))}`,
  );
  console.log(
    `  first invocation done  median ${ms(percentile(done, 50))}  p90 ${ms(percentile(done, 90))}`,
  );
} finally {
  await scratch.drop();
}
