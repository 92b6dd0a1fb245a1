import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  MalformedQueryException,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { DeployError } from './deploy-error.js';
import { runVersionUsageQuery } from './run-version-usage-query.js';

const logs = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const query = {
  logGroupNames: ['/aws/lambda/tollgate-prod-resources'],
  queryString: 'filter message = "request"',
  startTime: 1_000,
  endTime: 2_000,
};
const noWait = { pollMs: 1, maxWaitMs: 5, sleep: () => Promise.resolve() };
const row = [
  { field: 'companyId', value: '42' },
  { field: 'keyFingerprint', value: 'a1b2c3d4' },
  { field: 'requests', value: '7' },
  { field: 'lastSeen', value: '2026-12-02 10:00:00.000' },
];

beforeEach(() => logs.reset());

describe('runVersionUsageQuery', () => {
  it('starts the query on the log groups and time range, then polls until it completes', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Scheduled' })
      .resolvesOnce({ status: 'Running' })
      .resolves({ status: 'Complete', results: [row] });

    const rows = await runVersionUsageQuery(client, query, noWait);

    expect(rows).toEqual([
      {
        companyId: '42',
        keyFingerprint: 'a1b2c3d4',
        requests: 7,
        lastSeen: '2026-12-02 10:00:00.000',
      },
    ]);
    expect(logs.commandCalls(StartQueryCommand)[0]?.args[0].input).toEqual({
      logGroupNames: ['/aws/lambda/tollgate-prod-resources'],
      queryString: 'filter message = "request"',
      startTime: 1_000,
      endTime: 2_000,
    });
    expect(logs.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input)).toEqual([
      { queryId: 'q-1' },
      { queryId: 'q-1' },
      { queryId: 'q-1' },
    ]);
  });

  it('reports a refused query in one line', async () => {
    logs
      .on(StartQueryCommand)
      .rejects(new MalformedQueryException({ message: 'bad query', $metadata: {} }));
    await expect(runVersionUsageQuery(client, query, noWait)).rejects.toThrow(
      new DeployError('StartQuery refused: MalformedQueryException: bad query'),
    );
  });

  it.each(['Failed', 'Cancelled', 'Timeout'] as const)(
    'reports a query that ended %s',
    async (status) => {
      logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
      logs.on(GetQueryResultsCommand).resolves({ status });
      await expect(runVersionUsageQuery(client, query, noWait)).rejects.toThrow(
        `the Logs Insights query ended ${status}`,
      );
    },
  );

  it('gives up when the query keeps running past the wait', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Running' });
    await expect(runVersionUsageQuery(client, query, noWait)).rejects.toThrow(
      'did not complete within',
    );
  });
});
