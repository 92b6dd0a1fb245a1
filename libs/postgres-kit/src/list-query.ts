import * as z from 'zod/mini';
import { decodeCursor } from './keyset-cursor.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const limitMessage = `limit must be an integer from 1 to ${MAX_LIMIT}`;

const limit = z
  .pipe(z.string().check(z.regex(/^[0-9]{1,3}$/, limitMessage)), z.transform(Number))
  .check(z.refine((n) => n >= 1 && n <= MAX_LIMIT, limitMessage));

const cursor = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const position = decodeCursor(value);
    if (position) return position;
    ctx.issues.push({ code: 'custom', message: 'cursor is malformed or expired', input: value });
    return z.NEVER;
  }),
);

/** A keyset-paginated list's query, `?limit&cursor`; other parameters are ignored. */
export const listQuerySchema = z.object({
  limit: z._default(limit, DEFAULT_LIMIT),
  cursor: z.optional(cursor),
});
