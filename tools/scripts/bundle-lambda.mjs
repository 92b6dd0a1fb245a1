#!/usr/bin/env node
// Bundles one Lambda app into the single file its image runs and the local API loads:
//   dist/apps/<app>/index.js  (CommonJS, Node 20 target, minified, with a source map)
// Usage: node tools/scripts/bundle-lambda.mjs <app> [--external=<module>]...
import { build } from 'esbuild';
import { writeFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';

const usage = 'usage: node tools/scripts/bundle-lambda.mjs <app> [--external=<module>]...';
const [app, ...flags] = process.argv.slice(2);
if (app === '--help' || app === '-h') {
  console.log(usage);
  process.exit(0);
}
if (!app) {
  console.error(usage);
  process.exit(2);
}
const external = flags.filter((f) => f.startsWith('--external=')).map((f) => f.slice(11));

const root = resolve(import.meta.dirname, '../..');
const outdir = resolve(root, 'dist/apps', app);
await rm(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: [resolve(root, 'apps', app, 'src/main.ts')],
  outfile: resolve(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  // Workspace packages resolve to their TypeScript sources; npm packages to their ESM builds
  // so that esbuild can tree-shake them.
  conditions: ['@tollgate/source'],
  mainFields: ['module', 'main'],
  // pg's optional native binding is never used.
  external: ['pg-native', ...external],
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// Lambda and Node treat index.js as CommonJS only when the nearest package.json says so.
await writeFile(resolve(outdir, 'package.json'), '{ "type": "commonjs" }\n');
const bytes = Object.values(result.metafile.outputs)
  .filter((_, i) => Object.keys(result.metafile.outputs)[i].endsWith('.js'))
  .reduce((sum, output) => sum + output.bytes, 0);
console.log(`${app}: dist/apps/${app}/index.js ${(bytes / 1024).toFixed(1)} KiB`);
