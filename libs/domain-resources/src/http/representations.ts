import type { JsonObject } from '../db/schema.js';
import type { Resource, ResourcePage } from '../resources/resource-store.js';
import { encodeCursor } from '@tollgate/postgres-kit';

/*
 * The two API versions differ in representation only (see README):
 *  - 2024-12-01: snake_case fields; a list is { items, next_cursor }; one resource is the bare object.
 *  - 2025-03-01: camelCase fields; a list is { data, pagination: { limit, hasMore, nextCursor } };
 *                one resource is { data }.
 */

export interface ResourceV20241201 {
  id: string;
  name: string;
  type: string;
  attributes: JsonObject;
  created_at: string;
  updated_at: string;
}

export interface ResourceListV20241201 {
  items: ResourceV20241201[];
  next_cursor: string | null;
}

export interface ResourceV20250301 {
  id: string;
  name: string;
  type: string;
  attributes: JsonObject;
  createdAt: string;
  updatedAt: string;
}

export interface ResourceListV20250301 {
  data: ResourceV20250301[];
  pagination: { limit: number; hasMore: boolean; nextCursor: string | null };
}

export function resourceV20241201(r: Resource): ResourceV20241201 {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    attributes: r.attributes,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

export function resourceListV20241201(page: ResourcePage): ResourceListV20241201 {
  return {
    items: page.items.map(resourceV20241201),
    next_cursor: page.next ? encodeCursor(page.next) : null,
  };
}

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
