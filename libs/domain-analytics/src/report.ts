import * as z from 'zod/mini';

/**
 * A report as the external data API delivers it (`GET /companies/{companyId}/reports/{reportId}`)
 * and as `GET /analytics/{reportId}` returns it. Unknown upstream fields are dropped, so a new
 * upstream field never reaches clients without a deliberate change here.
 */
export const reportSchema = z.object({
  reportId: z.string().check(z.minLength(1)),
  companyId: z.string().check(z.minLength(1)),
  title: z.string(),
  generatedAt: z.iso.datetime({ offset: true }),
  metrics: z.array(
    z.object({
      name: z.string().check(z.minLength(1)),
      value: z.number(),
    }),
  ),
});

export type Report = z.infer<typeof reportSchema>;

/** Report ids are one URL-safe path segment; anything else is rejected before any I/O. */
export const reportIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
