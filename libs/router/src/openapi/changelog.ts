import type { JsonSchema } from './json-schema.js';
import type { OpenApiDocument, OpenApiOperation } from './openapi-types.js';

export interface ChangelogEntry {
  readonly kind: 'added' | 'removed' | 'deprecated' | 'changed' | 'field-added' | 'field-removed' | 'field-retyped';
  /** `GET /resources/{id}` */
  readonly operation: string;
  readonly detail: string;
}

/** What changed from `previous` to `version`. */
export interface VersionChanges {
  readonly version: string;
  readonly previous: string;
  readonly changes: readonly ChangelogEntry[];
}

/**
 * The changes between each pair of consecutive versions (newest first): operations added,
 * removed, deprecated or changed (as their version changes describe them), and JSON response
 * fields added, removed or retyped, per status.
 */
export function apiChangelog(documents: ReadonlyMap<string, OpenApiDocument>): VersionChanges[] {
  const versions = [...documents.keys()].sort().reverse();
  const history: VersionChanges[] = [];
  for (let i = 0; i + 1 < versions.length; i++) {
    const version = versions[i] as string;
    const previous = versions[i + 1] as string;
    const changes = compare(
      operationsOf(documents.get(previous) as OpenApiDocument),
      operationsOf(documents.get(version) as OpenApiDocument),
      previous,
    );
    history.push({ version, previous, changes });
  }
  return history;
}

export function formatChangelog(title: string, history: readonly VersionChanges[]): string {
  const lines = [`# ${title}`, ''];
  for (const { version, previous, changes } of history) {
    lines.push(`## ${version} (changes from ${previous})`, '');
    if (changes.length === 0) lines.push('No change to operations or response fields.');
    for (const change of changes) lines.push(`- \`${change.operation}\`: ${change.detail}`);
    lines.push('');
  }
  return lines.join('\n');
}

function operationsOf(document: OpenApiDocument): Map<string, OpenApiOperation> {
  const operations = new Map<string, OpenApiOperation>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

function compare(
  before: ReadonlyMap<string, OpenApiOperation>,
  after: ReadonlyMap<string, OpenApiOperation>,
  previous: string,
): ChangelogEntry[] {
  const changes: ChangelogEntry[] = [];
  for (const [operation, old] of before) {
    const current = after.get(operation);
    if (current === undefined) {
      changes.push({ kind: 'removed', operation, detail: 'removed' });
      continue;
    }
    if (old.deprecated === true) {
      const until = old['x-sunset'] === undefined ? '' : `, served until ${old['x-sunset']}`;
      changes.push({ kind: 'deprecated', operation, detail: `version ${previous} deprecated${until}` });
    }
    for (const detail of current['x-changes'] ?? []) changes.push({ kind: 'changed', operation, detail });
    changes.push(...fieldChanges(operation, old, current));
  }
  for (const operation of after.keys()) {
    if (!before.has(operation)) changes.push({ kind: 'added', operation, detail: 'added' });
  }
  return changes;
}

function fieldChanges(operation: string, old: OpenApiOperation, current: OpenApiOperation): ChangelogEntry[] {
  const changes: ChangelogEntry[] = [];
  for (const [status, response] of Object.entries(current.responses)) {
    const now = response.content?.['application/json']?.schema;
    const then = old.responses[status]?.content?.['application/json']?.schema;
    if (now === undefined || then === undefined) continue;
    const fieldsThen = fieldTypes(then);
    const fieldsNow = fieldTypes(now);
    // A field added or removed with its parent is said once, as the parent.
    const parentChanged = (field: string, others: ReadonlyMap<string, string>) =>
      [...ancestors(field)].some((parent) => !others.has(parent));
    for (const [field, type] of fieldsThen) {
      const newType = fieldsNow.get(field);
      if (newType === undefined) {
        if (parentChanged(field, fieldsNow)) continue;
        changes.push({ kind: 'field-removed', operation, detail: `${status} response field \`${field}\` removed` });
      } else if (newType !== type) {
        changes.push({
          kind: 'field-retyped',
          operation,
          detail: `${status} response field \`${field}\` retyped from ${type} to ${newType}`,
        });
      }
    }
    for (const [field, type] of fieldsNow) {
      if (!fieldsThen.has(field) && !parentChanged(field, fieldsThen)) {
        changes.push({ kind: 'field-added', operation, detail: `${status} response field \`${field}\` added (${type})` });
      }
    }
  }
  return changes;
}

/** `data[].createdAt` → `data[]`, `data`. */
function* ancestors(field: string): Generator<string> {
  for (let end = field.length - 1; end > 0; end--) {
    if (field[end] === '.' || (field[end] === '[' && field[end + 1] === ']')) yield field.slice(0, end);
  }
}

/** `data[].createdAt` → `string`, for every field of a JSON Schema. */
function fieldTypes(schema: JsonSchema, prefix = '', fields = new Map<string, string>()): Map<string, string> {
  if (prefix !== '') fields.set(prefix, typeName(schema));
  const properties = schema['properties'];
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, property] of Object.entries(properties as Record<string, JsonSchema>)) {
      fieldTypes(property, prefix === '' ? name : `${prefix}.${name}`, fields);
    }
  }
  const items = schema['items'];
  if (typeof items === 'object' && items !== null) fieldTypes(items as JsonSchema, `${prefix}[]`, fields);
  return fields;
}

function typeName(schema: JsonSchema): string {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  if (typeof schema['$ref'] === 'string') return schema['$ref'].slice(schema['$ref'].lastIndexOf('/') + 1);
  for (const keyword of ['anyOf', 'oneOf']) {
    const members = schema[keyword];
    if (Array.isArray(members)) return (members as JsonSchema[]).map(typeName).join(' | ');
  }
  if ('const' in schema) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  return 'any';
}
