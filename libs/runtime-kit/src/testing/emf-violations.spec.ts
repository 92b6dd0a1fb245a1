import { emfViolations } from './emf-violations.js';

const valid = {
  _aws: {
    Timestamp: 1_764_000_000_000,
    CloudWatchMetrics: [
      {
        Namespace: 'Tollgate',
        Dimensions: [['service']],
        Metrics: [{ Name: 'requests', Unit: 'Count' }],
      },
    ],
  },
  service: 'resources-lambda',
  requests: 1,
};
type Doc = Record<string, unknown>;
const withAws = (aws: Doc) => JSON.stringify({ ...valid, _aws: { ...valid._aws, ...aws } });
const directive = (patch: Doc) =>
  withAws({ CloudWatchMetrics: [{ ...valid._aws.CloudWatchMetrics[0], ...patch }] });

describe('the EMF specification checker (for tests)', () => {
  it('accepts a document that follows every rule', () => {
    expect(emfViolations(JSON.stringify(valid))).toEqual([]);
  });

  it.each([
    ['not JSON', '{', 'not a JSON document'],
    ['no _aws', JSON.stringify({ requests: 1 }), 'no _aws'],
    ['a Timestamp in seconds as text', withAws({ Timestamp: '1764000000' }), '_aws.Timestamp'],
    [
      'no CloudWatchMetrics array',
      withAws({ CloudWatchMetrics: {} }),
      'CloudWatchMetrics is not an array',
    ],
    ['no Namespace', directive({ Namespace: '' }), 'Namespace'],
    [
      'a dimension missing from the root',
      directive({ Dimensions: [['route']] }),
      'dimension route',
    ],
    [
      'more than 30 dimensions',
      directive({ Dimensions: [Array.from({ length: 31 }, () => 'service')] }),
      'more than 30',
    ],
    [
      'a metric missing from the root',
      directive({ Metrics: [{ Name: 'latency' }] }),
      'metric latency',
    ],
    [
      'more than 100 metrics',
      directive({ Metrics: Array.from({ length: 101 }, () => ({ Name: 'requests' })) }),
      'more than 100',
    ],
    [
      'an invalid unit',
      directive({ Metrics: [{ Name: 'requests', Unit: 'Requests' }] }),
      'not a CloudWatch unit',
    ],
    [
      'a bad storage resolution',
      directive({ Metrics: [{ Name: 'requests', StorageResolution: 5 }] }),
      'StorageResolution',
    ],
  ])('rejects %s', (_, line, problem) => {
    expect(emfViolations(line).join('\n')).toContain(problem);
  });
});
