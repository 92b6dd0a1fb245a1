import { Duration } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, MathExpression, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { requestMetrics } from '@tollgate/runtime-kit';
import type { Construct } from 'constructs';

const { namespace, dimensions: d, metrics: m } = requestMetrics;

/**
 * One time series per (domain Lambda, route, version) of a request metric: a SEARCH, so every
 * route and version any domain serves shows up without infra naming one.
 */
function perRouteAndVersion(
  metricName: string,
  statistic: string,
  label: string,
  period: Duration,
) {
  const schema = `{${namespace},${d.service},${d.route},${d.version}}`;
  return new MathExpression({
    expression: `SEARCH('${schema} MetricName="${metricName}"', '${statistic}', ${period.toSeconds()})`,
    label,
    period,
  });
}

/**
 * Requests, 5xx rate and p99 latency per route and version, from the EMF request lines every
 * domain Lambda writes: what a version's retirement is decided on.
 */
export function addRequestDashboard(scope: Construct, dashboardName: string): Dashboard {
  const period = Duration.minutes(5);
  const graph = (title: string, metric: MathExpression) =>
    new GraphWidget({ title, left: [metric], width: 24, height: 8, period });
  const dashboard = new Dashboard(scope, 'RequestDashboard', { dashboardName });
  dashboard.addWidgets(
    new TextWidget({
      markdown: `# ${dashboardName}\nPer domain Lambda, route and API version (\`${namespace}\` request metrics).`,
      width: 24,
      height: 2,
    }),
    graph(
      'Requests per route and version',
      perRouteAndVersion(m.requests, 'Sum', 'requests', period),
    ),
    // serverErrors is 1 for a 5xx answer and 0 otherwise: its average is the 5xx rate.
    graph(
      '5xx rate per route and version',
      perRouteAndVersion(m.serverErrors, 'Average', '5xx rate', period),
    ),
    graph(
      'p99 latency (ms) per route and version',
      perRouteAndVersion(m.latency, 'p99', 'p99', period),
    ),
  );
  return dashboard;
}
