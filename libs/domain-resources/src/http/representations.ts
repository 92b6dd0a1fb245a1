import * as z from 'zod/mini';
import type { Resource, ResourcePage } from '../resources/resource-store.js';
import { encodeCursor } from '@tollgate/postgres-kit';

/*
 * The two API versions differ in representation only (see README); handlers build 2025-03-01,
 * and resource-version-changes.ts derives 2024-12-01 from it:
 *  - 2024-12-01: snake_case fields; a list is { items, next_cursor }; one resource is the bare object.
 *  - 2025-03-01: camelCase fields; a list is { data, pagination: { limit, hasMore, nextCursor } };
 *                one resource is { data }.
 */

const timestamp = z.iso.datetime({ offset: true });
const attributes = z.record(z.string(), z.unknown());
const cursor = z.nullable(z.string());

/** The response bodies, as declared to the router: validated in tests, documented in OpenAPI. */
export const resourceV20241201Schema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  attributes,
  created_at: timestamp,
  updated_at: timestamp,
});

export const resourceListV20241201Schema = z.strictObject({
  items: z.array(resourceV20241201Schema),
  next_cursor: cursor,
});

export const resourceV20250301Schema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  attributes,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const resourceListV20250301Schema = z.strictObject({
  data: z.array(resourceV20250301Schema),
  pagination: z.strictObject({
    limit: z.int().check(z.minimum(1)),
    hasMore: z.boolean(),
    nextCursor: cursor,
  }),
});

/** `GET /resources/{id}` in 2025-03-01: the resource under `data`. */
export const resourceEnvelopeV20250301Schema = z.strictObject({ data: resourceV20250301Schema });

export type ResourceV20241201 = z.infer<typeof resourceV20241201Schema>;
export type ResourceListV20241201 = z.infer<typeof resourceListV20241201Schema>;
export type ResourceV20250301 = z.infer<typeof resourceV20250301Schema>;
export type ResourceListV20250301 = z.infer<typeof resourceListV20250301Schema>;

export function resourceV20250301(r: Resource): ResourceV20250301 {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    attributes: r.attributes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function resourceListV20250301(page: ResourcePage, limit: number): ResourceListV20250301 {
  return {
    data: page.items.map(resourceV20250301),
    pagination: {
      limit,
      hasMore: page.next !== undefined,
      nextCursor: page.next ? encodeCursor(page.next) : null,
    },
  };
}
