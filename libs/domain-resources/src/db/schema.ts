import type { ColumnType, Generated } from 'kysely';

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** Row shape of `resources` as the `pg` driver returns it (bigint arrives as a string). */
export interface ResourcesTable {
  id: Generated<string>;
  company_id: ColumnType<string, string | number, never>;
  name: string;
  type: string;
  // Written as JSON text so that `pg` never mistakes an array for a Postgres array literal.
  attributes: ColumnType<JsonObject, string, string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ResourcesDatabase {
  resources: ResourcesTable;
}
