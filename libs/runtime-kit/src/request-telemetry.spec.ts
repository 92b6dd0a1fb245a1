import { emfViolations } from './testing/emf-violations.js';
import { createLogger } from './logger.js';
import { keyFingerprint, requestTelemetry, type RequestRecord } from './request-telemetry.js';

const KEY = 'tg_live_exampleKey0000000000000001';

function telemetry() {
  const lines: string[] = [];
  const logger = createLogger({ service: 'resources-lambda', write: (line) => lines.push(line) });
  const record = requestTelemetry({
    service: 'resources-lambda',
    logger,
    now: () => 1_764_000_000_123,
  });
  return { lines, record };
}

const request = (patch: Partial<RequestRecord> = {}): RequestRecord => ({
  event: {
    headers: { 'X-Api-Key': KEY, 'X-Api-Version': '2024-12-01' },
    requestContext: { authorizer: { principalId: '42-7', companyId: '42', userId: '7' } },
  },
  method: 'GET',
  route: '/resources/{id}',
  version: '2024-12-01',
  status: 200,
  durationMs: 12.3456,
  requestId: 'req-1',
  ...patch,
});

describe('requestTelemetry: one log line per request that is also an EMF document', () => {
  it('logs status, route, version, latency and request id, with the company and key fingerprint', () => {
    const { lines, record } = telemetry();
    record(request());
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'INFO',
      message: 'request',
      service: 'resources-lambda',
      route: 'GET /resources/{id}',
      version: '2024-12-01',
      statusClass: '2xx',
      status: 200,
      latency: 12.346,
      requests: 1,
      serverErrors: 0,
      requestId: 'req-1',
      companyId: '42',
      keyFingerprint: keyFingerprint(KEY),
    });
  });

  it('never logs the key itself', () => {
    const { lines, record } = telemetry();
    record(request());
    expect(lines[0]).not.toContain(KEY);
    expect(keyFingerprint(KEY)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('follows the EMF specification, for hits, failures and unmatched requests alike', () => {
    const { lines, record } = telemetry();
    record(request());
    record(request({ status: 503 }));
    record(
      request({ route: undefined, version: undefined, status: 404, event: { headers: null } }),
    );
    for (const line of lines) expect(emfViolations(line)).toEqual([]);
    const [, failed, unmatched] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(failed).toMatchObject({ statusClass: '5xx', serverErrors: 1 });
    expect(unmatched).toMatchObject({ route: 'unmatched', version: 'none', statusClass: '4xx' });
    expect(unmatched).not.toHaveProperty('companyId');
    expect(unmatched).not.toHaveProperty('keyFingerprint');
  });

  it('measures by route × version (× status class); the company is a property, never a dimension', () => {
    const { lines, record } = telemetry();
    record(request());
    const { _aws } = JSON.parse(lines[0] as string) as {
      _aws: {
        Timestamp: number;
        CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[];
      };
    };
    expect(_aws.Timestamp).toBe(1_764_000_000_123);
    expect(_aws.CloudWatchMetrics[0]?.Namespace).toBe('Tollgate');
    expect(_aws.CloudWatchMetrics[0]?.Dimensions).toEqual([
      ['service', 'route', 'version', 'statusClass'],
      ['service', 'route', 'version'],
    ]);
    expect(_aws.CloudWatchMetrics.flatMap((d) => d.Dimensions.flat())).not.toContain('companyId');
  });
});
