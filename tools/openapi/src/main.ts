// npm run openapi: one OpenAPI 3.1 document per API version, from every domain's route table,
// into dist/openapi (with index.json and CHANGELOG.md).
import { join, resolve } from 'node:path';
import { domains, loadRouteTables } from '@tollgate/domain-registry';
import type { RouteDefinition } from '@tollgate/router';
import { infraServers } from './infra-servers.js';
import { tollgateDocuments } from './tollgate-documents.js';
import { writeDocuments } from './write-documents.js';

const workspaceRoot = resolve(import.meta.dirname, '../../..');
const outDir = join(workspaceRoot, 'dist/openapi');

try {
  const documents = tollgateDocuments({
    routes: await loadRouteTables<RouteDefinition>(domains),
    servers: infraServers(),
  });
  const files = writeDocuments(outDir, documents);
  console.log(`OpenAPI documents in dist/openapi: ${files.join(', ')}`);
} catch (error) {
  console.error(`openapi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
