// npx nx run openapi:served-paths: regenerates the registry's list of served path templates
// (libs/domain-registry/src/served-paths.ts) from every domain's route table.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { domains } from '@tollgate/domain-registry';
import { loadRouteTables } from '@tollgate/domain-registry';
import { servedPathsModule, servedPathsOf } from './served-paths.js';

const workspaceRoot = resolve(import.meta.dirname, '../../..');
const file = join(workspaceRoot, 'libs/domain-registry/src/served-paths.ts');

try {
  const paths = servedPathsOf(await loadRouteTables(domains));
  writeFileSync(file, servedPathsModule(paths));
  console.log(
    `served paths: ${paths.length} templates in libs/domain-registry/src/served-paths.ts`,
  );
} catch (error) {
  console.error(`served-paths: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
