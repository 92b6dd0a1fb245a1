import { readFileSync } from 'node:fs';

/**
 * The `context` of `apps/infra/cdk.json` (the feature flags), which the CDK CLI passes to the
 * app; in-process synthesis applies the same values.
 */
export function readCdkJsonContext(cdkJsonPath: string): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(cdkJsonPath, 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}
