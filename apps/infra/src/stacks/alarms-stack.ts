import { Arn, ArnFormat, Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { SlackChannelConfiguration } from 'aws-cdk-lib/aws-chatbot';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  AnyPrincipal,
  Effect,
  ManagedPolicy,
  PolicyStatement,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Deployment } from '../deployment.js';
import { PlatformStack } from './platform-stack.js';
import { addRequestDashboard } from './request-dashboard.js';

/**
 * API Gateway error-rate alarms → SNS → AWS Chatbot → Slack. Independent of the API stacks:
 * the metrics are addressed by the API's configured name and stage, not by an import.
 */
export class AlarmsStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'alarms', { deployment, description: 'Tollgate: API error-rate alarms to Slack' });
    const { alarms, api } = deployment.config;
    const alarmNamePrefix = `${deployment.prefix}-api-`;
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const fromThisAccountsAlarms = {
      ArnLike: {
        'aws:SourceArn': this.localArn(
          'cloudwatch',
          'alarm',
          `${alarmNamePrefix}*`,
          ArnFormat.COLON_RESOURCE_NAME,
        ),
      },
    };

    // A customer-managed key: CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    const key = new Key(this, 'TopicKey', {
      description: `${deployment.prefix} alarm topic encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    // Grants on this key may only be made for AWS services acting on AWS resources (SNS's own
    // use); nobody can hand a grant to an arbitrary principal (Control Tower CT.KMS.PR.3).
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'GrantsOnlyForAwsServices',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          BoolIfExists: {
            'kms:GrantIsForAWSResource': 'false',
            'aws:PrincipalIsAWSService': 'false',
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsEncryptForTopic',
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // `*` in a key policy is this key; AWS documents this statement without conditions.
        resources: ['*'],
      }),
    );
    const topic = new Topic(this, 'Topic', {
      topicName: `${deployment.prefix}-alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one, so CloudWatch needs its own grant.
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: fromThisAccountsAlarms,
      }),
    );

    new SlackChannelConfiguration(this, 'Slack', {
      slackChannelConfigurationName: `${deployment.prefix}-alarms`,
      slackWorkspaceId: alarms.slack.workspaceId,
      slackChannelId: alarms.slack.channelId,
      notificationTopics: [topic],
      // Notifications only: the channel role has no policy, and the guardrail caps it anyway.
      guardrailPolicies: [
        ManagedPolicy.fromManagedPolicyArn(
          this,
          'SlackGuardrail',
          Arn.format({
            partition: Aws.PARTITION,
            service: 'iam',
            region: '',
            account: 'aws',
            resource: 'policy',
            resourceName: 'CloudWatchReadOnlyAccess',
          }),
        ),
      ],
    });

    const rateAlarms = [
      {
        id: 'ClientErrorRate',
        metricName: '4XXError',
        threshold: alarms.clientErrorRateThreshold,
        what: '4XX (includes every 401/403 the authorizer answers)',
      },
      {
        id: 'ServerErrorRate',
        metricName: '5XXError',
        threshold: alarms.serverErrorRateThreshold,
        what: '5XX',
      },
    ];
    const period = Duration.minutes(alarms.periodMinutes);
    const apiMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiName: deployment.restApiName, Stage: api.stageName },
        statistic: Stats.SUM,
        period,
      });
    for (const { id, metricName, threshold, what } of rateAlarms) {
      const alarm = new Alarm(this, id, {
        alarmName: `${alarmNamePrefix}${metricName.toLowerCase()}-rate`,
        alarmDescription: `Share of ${deployment.restApiName} requests answered ${what} above ${threshold}, in periods of at least ${alarms.minimumRequests} requests`,
        // Errors over requests, as 0 in a period with too few requests to mean anything: one
        // 404 out of one request is a 100 % rate and pages no one.
        metric: new MathExpression({
          label: `${metricName} rate`,
          expression: `IF(requests >= ${alarms.minimumRequests}, errors / requests, 0)`,
          usingMetrics: { errors: apiMetric(metricName), requests: apiMetric('Count') },
          period,
        }),
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: alarms.evaluationPeriods,
        datapointsToAlarm: alarms.datapointsToAlarm,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new SnsAction(topic));
      alarm.addOkAction(new SnsAction(topic));
    }

    addRequestDashboard(this, `${deployment.prefix}-requests`);
  }
}
