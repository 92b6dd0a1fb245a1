import { downgradeResponse } from '@tollgate/router';
import * as fc from 'fast-check';
import * as z from 'zod/mini';
import {
  resourceEnvelopeV20250301Schema,
  resourceListV20241201Schema,
  resourceListV20250301Schema,
  resourceV20241201Schema,
} from './representations.js';
import { routeTable } from '../route-table.js';
import { resourceApi } from './resource-routes.js';
import { listChanges, oneChanges } from './resource-version-changes.js';

const timestamp = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

const resource = fc.record({
  id: fc.uuid(),
  name: fc.string(),
  type: fc.string(),
  attributes: fc.dictionary(fc.string(), fc.jsonValue()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const page = fc.record({
  data: fc.array(resource, { maxLength: 5 }),
  pagination: fc.record({
    limit: fc.integer({ min: 1, max: 100 }),
    hasMore: fc.boolean(),
    nextCursor: fc.option(fc.string(), { nil: null }),
  }),
});

/** Valid for `schema`, or the first issue (so a failure says which field broke). */
const check = (schema: z.ZodMiniType, value: unknown) =>
  z.safeParse(schema, value).error?.issues[0] ?? 'valid';

describe('the 2025-03-01 changes applied to any 2025-03-01 body', () => {
  it('the chain covers every version older than the newest, and only those', () => {
    const versions = routeTable().map((definition) => definition.version);
    expect(new Set(versions)).toEqual(new Set(resourceApi.versions));
    expect(resourceApi.versions.slice(1).every((version) => version < listChanges.version)).toBe(
      true,
    );
  });

  it('GET /resources: yields a valid 2024-12-01 page', () => {
    fc.assert(
      fc.property(page, (body) => {
        expect(check(resourceListV20250301Schema, body)).toBe('valid');
        expect(
          check(
            resourceListV20241201Schema,
            downgradeResponse([listChanges], { status: 200, body }).body,
          ),
        ).toBe('valid');
      }),
    );
  });

  it('GET /resources/{id}: yields a valid 2024-12-01 resource', () => {
    fc.assert(
      fc.property(resource, (data) => {
        const body = { data };
        expect(check(resourceEnvelopeV20250301Schema, body)).toBe('valid');
        expect(
          check(
            resourceV20241201Schema,
            downgradeResponse([oneChanges], { status: 200, body }).body,
          ),
        ).toBe('valid');
      }),
    );
  });
});
