import type { Template } from 'aws-cdk-lib/assertions';
import { requestMetrics } from '@tollgate/runtime-kit';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

interface DashboardBody {
  widgets: {
    type: string;
    properties: { title?: string; metrics?: [{ expression: string; label: string }][] };
  }[];
}

/** The dashboard's JSON, its tokens (the region) written as `${…}`. */
function dashboardBody(template: Template): DashboardBody {
  const body = onlyResource(template, 'AWS::CloudWatch::Dashboard')['DashboardBody'] as
    string | { 'Fn::Join': [string, unknown[]] };
  const text =
    typeof body === 'string'
      ? body
      : body['Fn::Join'][1]
          .map((part) => (typeof part === 'string' ? part : '${token}'))
          .join(body['Fn::Join'][0]);
  return JSON.parse(text) as DashboardBody;
}

describe('the request dashboard in the alarms stack', () => {
  let template: Template;
  let graphs: Map<string, string>;

  beforeAll(() => {
    template = templateOf(synthesizeForTest({ env: 'dev', features: 'alarms' }), 'alarms');
    graphs = new Map(
      dashboardBody(template)
        .widgets.filter((widget) => widget.type === 'metric')
        .map((widget) => [
          widget.properties.title ?? '',
          widget.properties.metrics?.[0]?.[0].expression ?? '',
        ]),
    );
  });

  it('is named after the deployment', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'tollgate-dev-requests',
    });
  });

  it('graphs requests, 5xx rate and p99 latency per route and version, from the EMF request metrics', () => {
    const { namespace, dimensions: d, metrics: m } = requestMetrics;
    const search = (metric: string, statistic: string) =>
      `SEARCH('{${namespace},${d.service},${d.route},${d.version}} MetricName="${metric}"', '${statistic}', 300)`;
    expect(Object.fromEntries(graphs)).toEqual({
      'Requests per route and version': search(m.requests, 'Sum'),
      '5xx rate per route and version': search(m.serverErrors, 'Average'),
      'p99 latency (ms) per route and version': search(m.latency, 'p99'),
    });
  });
});
