// Builds the publishable package (run from libs/router):
//   dist/esm  ES modules + declarations (tsc)
//   dist/cjs  one CommonJS bundle per entry (esbuild) + the same declarations, under {"type":"commonjs"}
// testing/package.json and openapi/package.json (checked in) point resolvers without
// `exports` support at dist/cjs/<entry>.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const tsc = createRequire(join(process.cwd(), 'package.json')).resolve('typescript/bin/tsc');

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// One self-contained bundle per entry: `.`, `./testing` and `./openapi` (which share no state with `.`).
await build({
  entryPoints: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'openapi/index': 'src/openapi/index.ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: 'dist/cjs',
  logLevel: 'warning',
});
cpSync('dist/esm', 'dist/cjs', { recursive: true, filter: (path) => !path.endsWith('.js') });
writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
