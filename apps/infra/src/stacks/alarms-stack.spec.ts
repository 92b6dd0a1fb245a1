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

describe('alarms', () => {
  it.each([
    ['4XXError', 'tollgate-dev-api-4xxerror-rate', 0.5],
    ['5XXError', 'tollgate-dev-api-5xxerror-rate', 0.05],
  ])(
    'alarm on the %s rate of the API stage, silent without traffic',
    (metricName, alarmName, threshold) => {
      dev.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: alarmName,
        Namespace: 'AWS/ApiGateway',
        MetricName: metricName,
        Dimensions: [
          { Name: 'ApiName', Value: 'tollgate-dev' },
          { Name: 'Stage', Value: 'v1' },
        ],
        // The Average of API Gateway's 0/1 error metric is a rate, not a count.
        Statistic: 'Average',
        Period: 300,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        TreatMissingData: 'notBreaching',
        AlarmActions: [topicRef],
        OKActions: [topicRef],
      });
    },
  );

  it('takes thresholds from each environment’s config', () => {
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '4XXError',
      Threshold: 0.25,
    });
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5XXError',
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
