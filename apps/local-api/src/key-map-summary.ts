import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** What the start banner says about one key of the key map. */
export interface KeySummary {
  readonly apiKey: string;
  readonly companyId: string;
  readonly userId: string;
  readonly grants: readonly string[];
}

const keyMapSchema = z.record(
  z.string(),
  z.object({
    companyId: z.union([z.string(), z.number()]),
    userId: z.union([z.string(), z.number()]),
    authorizedRequests: z.array(
      z.object({
        method: z.string(),
        path: z.string(),
        queryParameters: z.array(z.string()).optional(),
      }),
    ),
  }),
);

/**
 * Reads the keys and grants of a key map file for display. The authorizer validates the map
 * for real; this only needs enough of it to print `GET /resources ?limit&cursor`.
 */
export function summarizeKeyMap(file: string): KeySummary[] {
  const keyMap = keyMapSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return Object.entries(keyMap).map(([apiKey, entry]) => ({
    apiKey,
    companyId: String(entry.companyId),
    userId: String(entry.userId),
    grants: entry.authorizedRequests.map(({ method, path, queryParameters = [] }) =>
      [method, path, ...(queryParameters.length ? [`?${queryParameters.join('&')}`] : [])].join(
        ' ',
      ),
    ),
  }));
}
