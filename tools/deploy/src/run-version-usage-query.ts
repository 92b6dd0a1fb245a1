import {
  GetQueryResultsCommand,
  StartQueryCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { DeployError } from './deploy-error.js';
import {
  versionUsageRows,
  type VersionUsageQuery,
  type VersionUsageRow,
} from './version-usage-query.js';

export interface PollOptions {
  readonly pollMs?: number;
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts the query and polls its results until Logs Insights reports it complete. */
export async function runVersionUsageQuery(
  client: CloudWatchLogsClient,
  query: VersionUsageQuery,
  { pollMs = 1000, maxWaitMs = 120_000, sleep = wait }: PollOptions = {},
): Promise<VersionUsageRow[]> {
  let queryId: string | undefined;
  try {
    ({ queryId } = await client.send(
      new StartQueryCommand({
        logGroupNames: [...query.logGroupNames],
        queryString: query.queryString,
        startTime: query.startTime,
        endTime: query.endTime,
      }),
    ));
  } catch (error) {
    const { name, message } = error as Error;
    throw new DeployError(`StartQuery refused: ${name}: ${message}`);
  }
  if (queryId === undefined) throw new DeployError('StartQuery returned no query id');

  for (let waited = 0; waited <= maxWaitMs; waited += pollMs) {
    const { status, results } = await client.send(new GetQueryResultsCommand({ queryId }));
    if (status === 'Complete') return versionUsageRows(results ?? []);
    if (status !== 'Running' && status !== 'Scheduled') {
      throw new DeployError(`the Logs Insights query ended ${String(status)}`);
    }
    await sleep(pollMs);
  }
  throw new DeployError(`the Logs Insights query did not complete within ${maxWaitMs / 1000} s`);
}
