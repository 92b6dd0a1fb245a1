import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface PlatformLogGroupProps {
  readonly logGroupName: string;
  /** Days, from the environment's config (`logRetentionDays`). */
  readonly retention: number;
}

/**
 * A named log group the platform writes to. Kept when its stack is deleted, removed when the
 * stack's first create rolls back: a plain Retain would leave a group that every retry of the
 * create then fails on as "already exists".
 */
export function platformLogGroup(
  scope: Construct,
  id: string,
  { logGroupName, retention }: PlatformLogGroupProps,
): LogGroup {
  const logGroup = new LogGroup(scope, id, {
    logGroupName,
    retention,
    removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
  });
  Validations.of(logGroup).acknowledge(
    {
      id: 'cdk-validator-cfnguard::cloudwatch_log_group_retention_period_check',
      reason:
        'Retention is an environment decision (logRetentionDays in its config): a development environment keeps days, not a year.',
    },
    {
      id: 'cdk-validator-cfnguard::cloudwatch_log_group_encrypted_check',
      reason:
        'CloudWatch Logs encrypts every log group at rest; the platform never logs API keys or secrets, so a customer key would add a key policy to keep in step with the group and no protection.',
    },
  );
  return logGroup;
}
