import { domains } from '@tollgate/domain-registry';
import { DeployError } from './deploy-error.js';
import {
  formatVersionUsage,
  parseVersionUsageArgs,
  versionUsageQuery,
  versionUsageRows,
} from './version-usage-query.js';

const environment = { name: 'prod', project: 'tollgate' };
const now = new Date('2026-12-03T12:00:00Z');

describe('parseVersionUsageArgs', () => {
  it('reads --env, --version and --days (30 by default)', () => {
    expect(parseVersionUsageArgs(['--env', 'prod', '--version', '2024-12-01'])).toEqual({
      envName: 'prod',
      version: '2024-12-01',
      days: 30,
    });
    expect(parseVersionUsageArgs(['--env=dev', '--version=2025-03-01', '--days', '7']).days).toBe(
      7,
    );
  });

  it.each([
    [['--version', '2024-12-01'], '--env: required'],
    [['--env', 'prod'], '--version: required'],
    [
      ['--env', 'prod', '--version', '2024-12-01" | display @message'],
      'expected a YYYY-MM-DD version',
    ],
    [['--env', 'prod', '--version', '2024-12-01', '--days', '0'], '--days'],
    [['--env', 'prod', '--version', '2024-12-01', '--since', 'x'], "Unknown option '--since'"],
  ])('refuses %j with one line and the usage', (argv, problem) => {
    expect(() => parseVersionUsageArgs(argv)).toThrow(DeployError);
    expect(() => parseVersionUsageArgs(argv)).toThrow(problem);
    expect(() => parseVersionUsageArgs(argv)).toThrow(
      'usage: npx nx run deploy-tools:version-usage',
    );
  });
});

describe('versionUsageQuery', () => {
  const query = versionUsageQuery({ version: '2024-12-01', days: 30 }, environment, now);

  it("searches every domain Lambda's log group of the environment", () => {
    expect(query.logGroupNames).toEqual(
      domains.map(({ imageName }) => `/aws/lambda/tollgate-prod-${imageName}`),
    );
    expect(query.logGroupNames).toContain('/aws/lambda/tollgate-prod-resources');
  });

  it('counts request lines of that version per company and key fingerprint', () => {
    expect(query.queryString).toBe(
      [
        'filter message = "request" and version = "2024-12-01"',
        '| stats count(*) as requests, max(@timestamp) as lastSeen by companyId, keyFingerprint',
        '| sort requests desc',
        '| limit 10000',
      ].join('\n'),
    );
  });

  it('covers the last --days days, in epoch seconds', () => {
    expect(query.endTime).toBe(Date.parse('2026-12-03T12:00:00Z') / 1000);
    expect(query.endTime - query.startTime).toBe(30 * 86_400);
  });
});

describe('versionUsageRows and formatVersionUsage', () => {
  const args = { envName: 'prod', version: '2024-12-01', days: 30 };
  const rows = versionUsageRows([
    [
      { field: 'companyId', value: '42' },
      { field: 'keyFingerprint', value: 'a1b2c3d4' },
      { field: 'requests', value: '120' },
      { field: 'lastSeen', value: '2026-12-02 10:00:00.000' },
    ],
    [
      { field: 'companyId', value: '42' },
      { field: 'keyFingerprint', value: 'e5f60718' },
      { field: 'requests', value: '3' },
      { field: 'lastSeen', value: '2026-11-20 08:00:00.000' },
    ],
    [
      { field: 'requests', value: '1' },
      { field: 'lastSeen', value: '2026-11-01 00:00:00.000' },
    ],
  ]);

  it('reads each result row, with - for a field the lines lacked', () => {
    expect(rows[0]).toEqual({
      companyId: '42',
      keyFingerprint: 'a1b2c3d4',
      requests: 120,
      lastSeen: '2026-12-02 10:00:00.000',
    });
    expect(rows[2]).toMatchObject({ companyId: '-', keyFingerprint: '-', requests: 1 });
  });

  it('lists companies and keys, then a summary', () => {
    expect(formatVersionUsage(rows, args).split('\n')).toEqual([
      'companyId  keyFingerprint  requests  lastSeen',
      '42         a1b2c3d4        120       2026-12-02 10:00:00.000',
      '42         e5f60718        3         2026-11-20 08:00:00.000',
      '-          -               1         2026-11-01 00:00:00.000',
      '',
      '2 companies, 3 keys, 124 requests on 2024-12-01 in the last 30 days',
    ]);
  });

  it('says plainly when nobody called the version', () => {
    expect(formatVersionUsage([], args)).toBe(
      "no request for version 2024-12-01 in the last 30 days (within the log groups' retention)",
    );
  });
});
