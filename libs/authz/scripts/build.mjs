#!/usr/bin/env node
// Builds the publishable package into libs/authz/dist:
//   dist/esm/index.js  + .d.ts   (ESM, "type": "module" from the package)
//   dist/cjs/index.js  + .d.ts   (CommonJS, marked by dist/cjs/package.json)
// zod/mini is bundled (tree-shaken) so the package has no runtime dependency; the AWS SDK
// stays external: it is an optional peer, imported only by the Secrets Manager source.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const lib = resolve(process.cwd(), 'libs/authz');
const dist = resolve(lib, 'dist');
await rm(dist, { recursive: true, force: true });

for (const format of ['esm', 'cjs']) {
  await build({
    entryPoints: [resolve(lib, 'src/index.ts')],
    outfile: resolve(dist, format, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    sourcemap: true,
    external: ['@aws-sdk/*'],
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// Declarations for both module systems: the same files, read as ESM or CJS by the nearest package.json.
execFileSync(
  process.execPath,
  [
    resolve(process.cwd(), 'node_modules/typescript/bin/tsc'),
    '-p', resolve(lib, 'tsconfig.lib.json'),
    '--outDir', resolve(dist, 'esm'),
    '--declaration',
    '--declarationMap', 'false',
    '--composite', 'false',
    '--incremental', 'false',
    '--tsBuildInfoFile', 'null',
  ],
  { stdio: 'inherit' },
);
await mkdir(resolve(dist, 'cjs'), { recursive: true });
await cp(resolve(dist, 'esm'), resolve(dist, 'cjs'), { recursive: true, filter: (src) => !/\.js(\.map)?$/.test(src) });
await writeFile(resolve(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
console.log('authz: libs/authz/dist/{esm,cjs}');
