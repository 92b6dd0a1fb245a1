import type { Kysely, Selectable } from 'kysely';
import { asDatabaseError } from '@tollgate/postgres-kit';
import type { ResourcesDatabase, ResourcesTable } from './schema.js';
import type { ListPosition, Resource, ResourceStore } from '../resources/resource-store.js';

const columns = ['id', 'name', 'type', 'attributes', 'created_at', 'updated_at'] as const;

export function createPostgresResourceStore(db: Kysely<ResourcesDatabase>): ResourceStore {
  return {
    async findById(companyId, id) {
      const row = await db
        .selectFrom('resources')
        .select(columns)
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst()
        .catch(rethrowAsDatabaseError);
      return row && toResource(row);
    },

    async listPage(companyId, { limit, after }) {
      let query = db
        .selectFrom('resources')
        .select(columns)
        .where('company_id', '=', companyId)
        .orderBy('created_at')
        .orderBy('id')
        // One row more than asked tells whether another page follows.
        .limit(limit + 1);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)),
        );
      }
      const rows = await query.execute().catch(rethrowAsDatabaseError);
      const items = rows.slice(0, limit).map(toResource);
      const last = items.at(-1);
      return { items, next: rows.length > limit && last ? positionOf(last) : undefined };
    },
  };
}

function rethrowAsDatabaseError(error: unknown): never {
  throw asDatabaseError(error);
}

type ResourceRow = Pick<Selectable<ResourcesTable>, (typeof columns)[number]>;

function toResource(row: ResourceRow): Resource {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    attributes: row.attributes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function positionOf(resource: Resource): ListPosition {
  return { createdAt: resource.createdAt, id: resource.id };
}
