import { Stack, type IAspect } from 'aws-cdk-lib';
import { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/**
 * Adds `SourceAccount` (this stack's account) to every Lambda permission granted to a service.
 * CDK scopes API Gateway's grants by a joined `SourceArn`, which guards against the confused
 * deputy but which policy checks such as Control Tower's CT.LAMBDA.PR.2 cannot evaluate; the
 * account condition is one they can, and it costs nothing.
 */
export const sourceAccountOnServicePermissions: IAspect = {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnPermission) || node.sourceAccount !== undefined) return;
    if (!node.principal.endsWith('.amazonaws.com')) return;
    node.sourceAccount = Stack.of(node).account;
  },
};
