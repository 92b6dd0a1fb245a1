import * as z from 'zod/mini';

/** `GET /resources/{id}`. */
export const resourceParamsSchema = z.object({ id: z.uuid('id must be a UUID') });
