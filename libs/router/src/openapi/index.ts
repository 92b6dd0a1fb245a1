// `@tollgate/router/openapi`: documentation tooling, kept out of the main entry so a Lambda
// bundle that imports `@tollgate/router` never carries it.
export { apiChangelog, formatChangelog, type ChangelogEntry, type VersionChanges } from './changelog.js';
export { embeddable, standardJsonSchema, type JsonSchema, type JsonSchemaConverter } from './json-schema.js';
export { OpenApiError, type OpenApiErrorCode } from './openapi-error.js';
export { openApiDocuments, type DocumentedProblem, type OpenApiOptions } from './openapi-documents.js';
export type * from './openapi-types.js';
