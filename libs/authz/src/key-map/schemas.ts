import * as z from 'zod/mini';
import { isCompanyId } from './company-id.js';
import { GRANT_METHODS, type Grant } from '../grants/grant.js';
import { parsePathTemplate } from '../grants/path-template.js';
import type { IdentityValue } from './format.js';

// The zod pieces both key-map formats share, so a grant or an identity means the same in each.

export const identityValue = z.custom<IdentityValue>(
  (value) =>
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
    (typeof value === 'string' && value.length > 0 && value.length <= 128),
  { error: 'expected a non-negative integer or a non-empty string (at most 128 characters)' },
);

export const companyId = z.custom<IdentityValue>(isCompanyId, {
  error: 'companyId must be a positive integer or a decimal string of 1 to 18 digits without leading zeros',
});

/** A key pinned to an API version: a real `YYYY-MM-DD` date (`2024-02-30` is not). */
export const apiVersion = z.string().check(z.refine(isApiVersionDate, { error: 'apiVersion must be a real date, YYYY-MM-DD' }));

function isApiVersionDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const grantSchema = z.strictObject({
  method: z.enum(GRANT_METHODS, { error: `method must be one of ${GRANT_METHODS.join(', ')}` }),
  path: z.string().check(
    z.maxLength(1024),
    z.superRefine((path, ctx) => {
      const parsed = parsePathTemplate(path);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `path ${parsed}`, input: path });
    }),
  ),
  // Optional in the stored form to keep the secret compact: absent means "no query parameters".
  queryParameters: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(256)))),
});

export function toGrant(grant: z.infer<typeof grantSchema>): Grant {
  return { method: grant.method, path: grant.path, queryParameters: grant.queryParameters ?? [] };
}

/** zod issues as `<label>.<path>: <message>` lines. */
export function formatIssues(label: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${label}${formatPath(issue.path)}: ${issueMessage(issue)}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'too_small':
      return `too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too large (maximum ${String(issue.maximum)})`;
    case 'invalid_key':
      return issue.issues.map(issueMessage).join('; ');
    default:
      return issue.message;
  }
}
