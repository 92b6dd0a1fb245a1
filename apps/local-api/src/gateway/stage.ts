import { createHash } from 'node:crypto';
import { lambdaFunctionName } from '@tollgate/domain-registry';

/** The fake-but-plausible identity of the emulated REST API stage. */
export interface StageIdentity {
  readonly region: string;
  readonly accountId: string;
  /** 10 lowercase alphanumerics, like a real REST API id. */
  readonly apiId: string;
  readonly stage: string;
}

export const localStage: StageIdentity = {
  region: 'us-east-1',
  accountId: '123456789012',
  apiId: 't0llg4te1o',
  stage: 'local',
};

/**
 * The function name the infra app would give `imageName` in an environment called `local`
 * (`tollgate-local-resources`), so handlers see the same naming as deployed.
 */
export function localFunctionName(imageName: string): string {
  return lambdaFunctionName('tollgate', 'local', imageName);
}

/**
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}` with the actual path
 * (path parameter values included), as API Gateway sends it to a REQUEST authorizer.
 */
export function methodArn(stage: StageIdentity, method: string, path: string): string {
  return `arn:aws:execute-api:${stage.region}:${stage.accountId}:${stage.apiId}/${stage.stage}/${method}/${path.replace(/^\//, '')}`;
}

/** API Gateway resource ids are 6 lowercase alphanumerics, stable per resource. */
export function resourceId(resource: string): string {
  return createHash('sha256').update(resource).digest('hex').slice(0, 6);
}

/** `24/Nov/2026:15:45:00 +0000`, the `requestContext.requestTime` format. */
export function requestTime(epochMs: number): string {
  const date = new Date(epochMs);
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
