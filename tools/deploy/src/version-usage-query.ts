import { domains, lambdaLogGroupName } from '@tollgate/domain-registry';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DeployError } from './deploy-error.js';
import type { DeployEnvironment } from './deploy-environment.js';

export const versionUsageUsage =
  'usage: npx nx run deploy-tools:version-usage -- --env <dev|prod> --version <YYYY-MM-DD> [--days 30]';

export interface VersionUsageArgs {
  readonly envName: string;
  readonly version: string;
  readonly days: number;
}

const versionUsageArgs = z.object({
  env: z.string({ error: 'required' }).regex(/^[a-z][a-z0-9-]*$/, 'expected an environment name'),
  // Checked strictly: the version is written into the query text.
  version: z
    .string({ error: 'required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD version'),
  days: z.coerce.number().int().min(1).max(365).default(30),
});

/** Parses `--env --version [--days]`; anything else is a usage error. */
export function parseVersionUsageArgs(argv: readonly string[]): VersionUsageArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: { env: { type: 'string' }, version: { type: 'string' }, days: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new DeployError(`${(error as Error).message}\n${versionUsageUsage}`);
  }
  const parsed = versionUsageArgs.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `--${issue.path.join('.')}: ${issue.message}`,
    );
    throw new DeployError(`${problems.join('; ')}\n${versionUsageUsage}`);
  }
  return { envName: parsed.data.env, version: parsed.data.version, days: parsed.data.days };
}

/** One Logs Insights query over every domain Lambda's log group of the environment. */
export interface VersionUsageQuery {
  readonly logGroupNames: readonly string[];
  readonly queryString: string;
  /** Seconds since the epoch, as StartQuery takes them. */
  readonly startTime: number;
  readonly endTime: number;
}

/** Logs Insights returns at most this many rows. */
export const MAX_ROWS = 10_000;

/**
 * Who still calls `version`: the request lines every domain Lambda writes (`message` `request`,
 * the served `version`, `companyId`, `keyFingerprint`), counted per company and key.
 */
export function versionUsageQuery(
  { version, days }: Pick<VersionUsageArgs, 'version' | 'days'>,
  environment: Pick<DeployEnvironment, 'name' | 'project'>,
  now: Date,
): VersionUsageQuery {
  const endTime = Math.floor(now.getTime() / 1000);
  return {
    logGroupNames: domains.map(({ imageName }) =>
      lambdaLogGroupName(environment.project, environment.name, imageName),
    ),
    queryString: [
      `filter message = "request" and version = "${version}"`,
      'stats count(*) as requests, max(@timestamp) as lastSeen by companyId, keyFingerprint',
      'sort requests desc',
      `limit ${MAX_ROWS}`,
    ].join('\n| '),
    startTime: endTime - days * 86_400,
    endTime,
  };
}

export interface VersionUsageRow {
  readonly companyId: string;
  readonly keyFingerprint: string;
  readonly requests: number;
  readonly lastSeen: string;
}

/** Logs Insights result rows (lists of `{ field, value }`) as typed rows. */
export function versionUsageRows(
  results: readonly (readonly { readonly field?: string; readonly value?: string }[])[],
): VersionUsageRow[] {
  return results.map((fields) => {
    const value = (name: string) => fields.find((field) => field.field === name)?.value;
    return {
      // A request line without one (an unauthenticated path) still counts, under `-`.
      companyId: value('companyId') ?? '-',
      keyFingerprint: value('keyFingerprint') ?? '-',
      requests: Number(value('requests') ?? 0),
      lastSeen: value('lastSeen') ?? '-',
    };
  });
}

/** The report: one line per company and key, then a summary a retirement can be decided on. */
export function formatVersionUsage(
  rows: readonly VersionUsageRow[],
  { version, days }: VersionUsageArgs,
): string {
  if (rows.length === 0) {
    return `no request for version ${version} in the last ${days} days (within the log groups' retention)`;
  }
  const lines = [
    ['companyId', 'keyFingerprint', 'requests', 'lastSeen'],
    ...rows.map((row) => [row.companyId, row.keyFingerprint, String(row.requests), row.lastSeen]),
  ];
  const widths =
    lines[0]?.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length))) ??
    [];
  const table = lines.map((line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  const companies = new Set(rows.map((row) => row.companyId)).size;
  const total = rows.reduce((sum, row) => sum + row.requests, 0);
  const truncated = rows.length >= MAX_ROWS ? ` (first ${MAX_ROWS} rows only)` : '';
  return [
    ...table,
    '',
    `${companies} companies, ${rows.length} keys, ${total} requests on ${version} in the last ${days} days${truncated}`,
  ].join('\n');
}
