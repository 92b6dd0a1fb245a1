import { Match, type Template } from 'aws-cdk-lib/assertions';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = templateOf(synthesizeForTest({ env: 'dev', features: 'alarms' }), 'alarms');
  prod = templateOf(synthesizeForTest({ env: 'prod', features: 'alarms' }), 'alarms');
});

const topicRef = { Ref: Match.stringLikeRegexp('^Topic') };

interface MetricQuery {
  readonly Id: string;
  readonly Expression?: string;
  readonly ReturnData?: boolean;
  readonly MetricStat?: unknown;
}

/** The alarm's metric-math queries by id. */
function rateQueriesOf(template: Template, alarmName: string): Map<string, MetricQuery> {
  const alarm = Object.values(
    template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: alarmName } }),
  )[0] as { Properties: { Metrics: MetricQuery[] } } | undefined;
  if (!alarm) throw new Error(`no alarm ${alarmName}`);
  return new Map(
    alarm.Properties.Metrics.map((query) => [
      query.Expression === undefined ? query.Id : 'rate',
      query,
    ]),
  );
}

/** A 5-minute Sum of one API Gateway metric of the dev stage, as a metric-math query. */
const apiSum = (metricName: string) => ({
  Id: expect.any(String),
  MetricStat: {
    Metric: {
      Namespace: 'AWS/ApiGateway',
      MetricName: metricName,
      Dimensions: [
        { Name: 'ApiName', Value: 'tollgate-dev' },
        { Name: 'Stage', Value: 'v1' },
      ],
    },
    Period: 300,
    Stat: 'Sum',
  },
  ReturnData: false,
});

describe('alarms', () => {
  it.each([
    ['4XXError', 'tollgate-dev-api-4xxerror-rate', 0.5],
    ['5XXError', 'tollgate-dev-api-5xxerror-rate', 0.05],
  ])(
    'alarm on the %s rate of the API stage, silent without traffic',
    (metricName, alarmName, threshold) => {
      dev.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: alarmName,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        TreatMissingData: 'notBreaching',
        AlarmActions: [topicRef],
        OKActions: [topicRef],
      });
      const queries = rateQueriesOf(dev, alarmName);
      expect(queries.get('errors')).toEqual(apiSum(metricName));
      expect(queries.get('requests')).toEqual(apiSum('Count'));
    },
  );

  it('ignores periods with fewer than the configured minimum of requests (metric math on Count)', () => {
    const rate = rateQueriesOf(dev, 'tollgate-dev-api-4xxerror-rate').get('rate');
    expect(rate).toEqual(
      expect.objectContaining({
        Expression: 'IF(requests >= 20, errors / requests, 0)',
        ReturnData: true,
      }),
    );
    expect(rateQueriesOf(prod, 'tollgate-prod-api-5xxerror-rate').get('rate')).toEqual(
      expect.objectContaining({ Expression: 'IF(requests >= 100, errors / requests, 0)' }),
    );
  });

  it('takes thresholds from each environment’s config', () => {
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'tollgate-prod-api-4xxerror-rate',
      Threshold: 0.25,
    });
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'tollgate-prod-api-5xxerror-rate',
      Threshold: 0.01,
    });
    prod.resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });

  it('publishes to an SNS topic under a rotating customer-managed key CloudWatch may use', () => {
    expect(onlyResource(dev, 'AWS::SNS::Topic')['KmsMasterKeyId']).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^TopicKey/), 'Arn'],
    });
    dev.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    dev.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('sends the topic to the configured Slack channel through AWS Chatbot', () => {
    dev.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      SlackWorkspaceId: 'T0TOLLGATE',
      SlackChannelId: 'C0DEVALERTS',
      SnsTopicArns: [topicRef],
    });
  });

  it('is independent of the API stacks: it imports nothing', () => {
    expect(JSON.stringify(dev.toJSON())).not.toContain('Fn::ImportValue');
  });
});
