/**
 * The ids the example environments (`environments/dev.ts`, `prod.ts`) ship with. They name no
 * real account, VPC, zone, certificate or Slack channel: an environment still holding one was
 * never filled in, and `preflight` says so before a deploy tries it.
 */
export const exampleIds: ReadonlySet<string> = new Set([
  '111111111111',
  '222222222222',
  'vpc-0a1b2c3d4e5f60001',
  'subnet-0a1b2c3d4e5f60011',
  'subnet-0a1b2c3d4e5f60012',
  'sg-0a1b2c3d4e5f60021',
  'vpc-0f9e8d7c6b5a40001',
  'subnet-0f9e8d7c6b5a40011',
  'subnet-0f9e8d7c6b5a40012',
  'subnet-0f9e8d7c6b5a40013',
  'sg-0f9e8d7c6b5a40021',
  'Z0123456789DEVZONE01',
  'Z0123456789PRODZONE1',
  'arn:aws:acm:eu-west-1:111111111111:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  'arn:aws:acm:eu-west-1:222222222222:certificate/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  'T0TOLLGATE',
  'C0DEVALERTS',
  'C0PRODALERT',
]);
