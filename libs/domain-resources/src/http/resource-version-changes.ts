import { responseChange, type VersionChange } from '@tollgate/router';
import {
  resourceEnvelopeV20250301Schema,
  resourceListV20241201Schema,
  resourceListV20250301Schema,
  resourceV20241201Schema,
  type ResourceV20241201,
  type ResourceV20250301,
} from './representations.js';

// 2025-03-01 → 2024-12-01: the changes this version introduced, undone for older clients.

function resourceV20241201({
  createdAt,
  updatedAt,
  ...common
}: ResourceV20250301): ResourceV20241201 {
  return { ...common, created_at: createdAt, updated_at: updatedAt };
}

/** `GET /resources`. */
export const listChanges: VersionChange = {
  version: '2025-03-01',
  description:
    'a page is `{ data, pagination: { limit, hasMore, nextCursor } }` instead of `{ items, next_cursor }`; fields are camelCase',
  responses: {
    200: responseChange(
      resourceListV20250301Schema,
      { description: 'one page of resources', body: resourceListV20241201Schema },
      ({ data, pagination }) => ({
        items: data.map(resourceV20241201),
        next_cursor: pagination.nextCursor,
      }),
    ),
  },
};

/** `GET /resources/{id}`. */
export const oneChanges: VersionChange = {
  version: '2025-03-01',
  description: 'the resource is wrapped in `{ data }`; fields are camelCase',
  responses: {
    200: responseChange(
      resourceEnvelopeV20250301Schema,
      { description: 'the resource', body: resourceV20241201Schema },
      ({ data }) => resourceV20241201(data),
    ),
  },
};
