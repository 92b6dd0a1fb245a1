import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface RateLimitingWebAclProps {
  /** Web ACL and metric name. */
  readonly name: string;
  readonly stageArn: string;
  /** Requests one IP may send in 5 minutes before WAF blocks it (AWS's evaluation window). */
  readonly rateLimitPerIp: number;
}

/**
 * A regional WAF web ACL on the stage: allow by default, block an IP above the rate. It stops a
 * flood before the authorizer Lambda runs, which the stage and key throttles cannot (they apply
 * after authorization, and a keyless flood never reaches the usage plan).
 */
export function rateLimitingWebAcl(
  scope: Construct,
  { name, stageArn, rateLimitPerIp }: RateLimitingWebAclProps,
): CfnWebACL {
  const visibility = (metricName: string) => ({
    cloudWatchMetricsEnabled: true,
    sampledRequestsEnabled: true,
    metricName,
  });
  const webAcl = new CfnWebACL(scope, 'WebAcl', {
    name,
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility(name),
    rules: [
      {
        name: 'rate-limit-per-ip',
        priority: 0,
        action: { block: {} },
        statement: {
          rateBasedStatement: { limit: rateLimitPerIp, aggregateKeyType: 'IP' },
        },
        visibilityConfig: visibility(`${name}-rate-limit-per-ip`),
      },
    ],
  });
  new CfnWebACLAssociation(scope, 'WebAclAssociation', {
    resourceArn: stageArn,
    webAclArn: webAcl.attrArn,
  });
  return webAcl;
}
