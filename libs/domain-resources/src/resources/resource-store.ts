import type { ListPosition } from '@tollgate/postgres-kit';
import type { JsonObject } from '../db/schema.js';

/** A company's id as API Gateway delivers authorizer context: a decimal string. */
export type CompanyId = string;

export interface Resource {
  id: string;
  name: string;
  type: string;
  attributes: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

export type { ListPosition } from '@tollgate/postgres-kit';

export interface ResourcePage {
  items: Resource[];
  /** Where the next page starts; undefined on the last page. */
  next: ListPosition | undefined;
}

/**
 * The resources of one company. Every method is scoped by `companyId`: another company's
 * resource does not exist for the caller. Implementations throw `DatabaseUnavailableError`
 * when the database cannot answer.
 */
export interface ResourceStore {
  findById(companyId: CompanyId, id: string): Promise<Resource | undefined>;
  listPage(
    companyId: CompanyId,
    page: { limit: number; after?: ListPosition },
  ): Promise<ResourcePage>;
}
