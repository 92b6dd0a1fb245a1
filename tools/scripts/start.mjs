#!/usr/bin/env node
// npm start: the whole API on this machine (apps/local-api).
//   1. builds the Lambda bundles the local API runs (dist/apps/<app>/index.js, one per entry of
//      @tollgate/domain-registry's lambdaImages, as the local API loads them) through Nx, whose
//      cache makes this quick when nothing changed — so a stale bundle is never served;
//      with them the OpenAPI documents (dist/openapi, as `npm run openapi` writes them);
//      `--no-build` skips it (the e2e target, whose dependsOn already built them);
//   2. runs apps/local-api/src/main.ts in this process through tsx.
// Environment: PORT (3000), DATABASE_URL (default: embedded PostgreSQL), API_KEYS_FILE
// (default: apps/local-api/demo-keys.json), LOCAL_API_LIMITS (default: the dev config's throttles).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const usage = `usage: npm start [-- --no-build]
  Runs the whole API on this machine: builds the Lambda bundles (skipped with --no-build), then
  starts the local API on http://127.0.0.1:$PORT.
environment:
  PORT           port to listen on (default 3000; 0 picks a free one)
  DATABASE_URL   a PostgreSQL to migrate and seed (default: embedded PostgreSQL)
  API_KEYS_FILE  the key map (default: apps/local-api/demo-keys.json)
  LOCAL_API_LIMITS  JSON replacing the dev config's api throttle, usagePlans, usageIdentifiers`;
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}

const root = resolve(import.meta.dirname, '../..');

// tsx first: the registry (and later main.ts) is TypeScript source.
register();
const { lambdaImages } = await import('@tollgate/domain-registry');
const lambdas = lambdaImages.map((image) => image.lambdaApp);

if (!process.argv.includes('--no-build')) {
  const started = performance.now();
  const build = spawnSync(
    'npx',
    // `openapi`: the documents the local API serves at /openapi (tools/openapi, dist/openapi).
    ['nx', 'run-many', '-t', 'build', '-p', ...lambdas, 'openapi', '--outputStyle=static', '--skipSync'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' } },
  );
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error('npm start: building the Lambda bundles failed (see above)');
    process.exit(build.status ?? 1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Lambda bundles and OpenAPI documents up to date in dist (${lambdas.join(', ')}; ${seconds} s)`);
}

await import(pathToFileURL(resolve(root, 'apps/local-api/src/main.ts')).href);
