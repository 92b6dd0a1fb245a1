#!/usr/bin/env node
// `npx tollgate-keys …`: runs the TypeScript command line from source, as the workspace does
// (tsx, and the `@tollgate/source` condition so @tollgate/authz resolves to its sources).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const result = spawnSync(process.execPath, ['--conditions=@tollgate/source', '--import', import.meta.resolve('tsx'), main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
