/*
 * The rules of the CloudWatch Embedded Metric Format specification
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
 * checked on one log line. Returns every broken rule; an empty list is a valid EMF document.
 */

const UNITS = new Set([
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
]);
const MAX_DIMENSIONS = 30;
const MAX_METRICS = 100;
const MAX_VALUES = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= 255;

export function emfViolations(line: string): string[] {
  const problems: string[] = [];
  let root: unknown;
  try {
    root = JSON.parse(line);
  } catch {
    return ['not a JSON document'];
  }
  if (!isObject(root)) return ['the root is not an object'];
  const aws = root['_aws'];
  if (!isObject(aws)) return ['no _aws metadata object'];
  const timestamp = aws['Timestamp'];
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp < 0) {
    problems.push('_aws.Timestamp is not a non-negative integer of milliseconds since the epoch');
  }
  const directives = aws['CloudWatchMetrics'];
  if (!Array.isArray(directives)) return [...problems, '_aws.CloudWatchMetrics is not an array'];
  directives.forEach((directive: unknown, d) => {
    const at = `CloudWatchMetrics[${d}]`;
    if (!isObject(directive)) {
      problems.push(`${at} is not an object`);
      return;
    }
    if (!isName(directive['Namespace']))
      problems.push(`${at}.Namespace is not a 1-255 character string`);
    const dimensions = directive['Dimensions'];
    if (!Array.isArray(dimensions)) {
      problems.push(`${at}.Dimensions is not an array`);
    } else {
      dimensions.forEach((set: unknown, s) => {
        if (!Array.isArray(set)) return problems.push(`${at}.Dimensions[${s}] is not an array`);
        if (set.length > MAX_DIMENSIONS)
          problems.push(`${at}.Dimensions[${s}] has more than ${MAX_DIMENSIONS} dimensions`);
        for (const name of set) {
          if (!isName(name))
            problems.push(`${at}.Dimensions[${s}] has a name that is not a 1-255 character string`);
          else if (typeof root[name] !== 'string')
            problems.push(`dimension ${name} is not a string member of the root`);
        }
        return undefined;
      });
    }
    const metrics = directive['Metrics'];
    if (!Array.isArray(metrics)) {
      problems.push(`${at}.Metrics is not an array`);
      return;
    }
    if (metrics.length > MAX_METRICS)
      problems.push(`${at}.Metrics has more than ${MAX_METRICS} metrics`);
    metrics.forEach((metric: unknown, m) => {
      if (!isObject(metric) || !isName(metric['Name'])) {
        problems.push(`${at}.Metrics[${m}] has no 1-255 character Name`);
        return;
      }
      const name = metric['Name'];
      const unit = metric['Unit'];
      if (unit !== undefined && (typeof unit !== 'string' || !UNITS.has(unit))) {
        problems.push(`metric ${name} has unit ${String(unit)}, not a CloudWatch unit`);
      }
      const resolution = metric['StorageResolution'];
      if (resolution !== undefined && resolution !== 1 && resolution !== 60) {
        problems.push(`metric ${name} has StorageResolution ${String(resolution)}, not 1 or 60`);
      }
      const value = root[name];
      const values = Array.isArray(value) ? value : [value];
      if (
        values.length === 0 ||
        values.length > MAX_VALUES ||
        !values.every((v) => typeof v === 'number' && Number.isFinite(v))
      ) {
        problems.push(
          `metric ${name} is not a number (or up to ${MAX_VALUES} numbers) in the root`,
        );
      }
    });
  });
  return problems;
}
