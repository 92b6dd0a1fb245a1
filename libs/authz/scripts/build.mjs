#!/usr/bin/env node
// Builds the publishable package into libs/authz/dist, one entry point per audience:
//   .            dist/{esm,cjs}/index.js             the core
//   ./authorizer dist/{esm,cjs}/authorizer/index.js  the Lambda side
//   ./offline    dist/{esm,cjs}/offline/index.js     the shard tools
// ESM: esbuild with code splitting, so the entries share one copy of each module (one
// `KeyMapFormatError` class whichever entry threw it). CommonJS has no splitting: one bundle
// (dist/cjs/bundle.js) holds everything, and each entry re-exports its names from it.
// zod/mini is bundled (tree-shaken) so the package has no runtime dependency; the AWS SDK
// stays external: it is an optional peer, imported only by the Secrets Manager source.
// Declarations come from tsc, the same files for both module systems.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const lib = resolve(process.cwd(), 'libs/authz');
const dist = resolve(lib, 'dist');
const entries = { index: 'src/index.ts', 'authorizer/index': 'src/authorizer/index.ts', 'offline/index': 'src/offline/index.ts' };
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external: ['@aws-sdk/*'], legalComments: 'none', logLevel: 'warning' };
await rm(dist, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, resolve(lib, path)])),
  outdir: resolve(dist, 'esm'),
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

const bundleEntry = Object.values(entries).map((path) => `export * from ${JSON.stringify(resolve(lib, path))};`).join('\n');
await build({
  ...common,
  stdin: { contents: bundleEntry, resolveDir: lib, sourcefile: 'bundle.ts', loader: 'ts' },
  outfile: resolve(dist, 'cjs', 'bundle.js'),
  format: 'cjs',
});
for (const name of Object.keys(entries)) {
  const names = Object.keys(await import(pathToFileURL(resolve(dist, 'esm', `${name}.js`)).href));
  const depth = name.split('/').length - 1;
  const bundle = depth === 0 ? './bundle.js' : `${'../'.repeat(depth)}bundle.js`;
  const lines = names.map((exported) => `exports.${exported} = bundle.${exported};`);
  await mkdir(resolve(dist, 'cjs', name, '..'), { recursive: true });
  await writeFile(resolve(dist, 'cjs', `${name}.js`), `'use strict';\nconst bundle = require('${bundle}');\n${lines.join('\n')}\n`);
}

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
await cp(resolve(dist, 'esm'), resolve(dist, 'cjs'), { recursive: true, filter: (src) => !/\.js(\.map)?$/.test(src) && !src.includes('/chunks') });
await writeFile(resolve(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
console.log('authz: libs/authz/dist/{esm,cjs}');
