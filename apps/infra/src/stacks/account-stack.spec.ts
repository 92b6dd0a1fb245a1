import type { Template } from 'aws-cdk-lib/assertions';
import { featureSets, resolveFeatureSets } from '../feature-sets.js';
import type { Synthesis } from '../synth/synthesize.js';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

let synthesis: Synthesis;
let account: Template;

beforeAll(() => {
  synthesis = synthesizeForTest({ env: 'dev', features: 'api-gateway' });
  account = templateOf(synthesis, 'account');
});

describe('the account stack (API Gateway’s CloudWatch logging role)', () => {
  it.each(Object.keys(featureSets))(
    'is in the %s FeatureSet whenever that set holds the logging REST API stage',
    (set) => {
      const kinds = resolveFeatureSets(set);
      if (kinds.includes('rest-api')) expect(kinds).toContain('account');
      else expect(kinds).not.toContain('rest-api');
    },
  );

  it('points API Gateway’s account setting at a role API Gateway assumes to push logs', () => {
    const { CloudWatchRoleArn } = onlyResource(account, 'AWS::ApiGateway::Account') as {
      CloudWatchRoleArn: { 'Fn::GetAtt': [string, string] };
    };
    const [roleId] = CloudWatchRoleArn['Fn::GetAtt'];
    const role = account.findResources('AWS::IAM::Role')[roleId] as {
      Properties: { AssumeRolePolicyDocument: unknown; ManagedPolicyArns: unknown[] };
    };
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain(
      '"Service":"apigateway.amazonaws.com"',
    );
    expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toContain(
      'service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    );
  });

  it('is deployed before the REST API, whose stage logs', () => {
    const api = templateOf(synthesis, 'rest-api');
    expect(onlyResource(api, 'AWS::ApiGateway::Stage')).toEqual(
      expect.objectContaining({ AccessLogSetting: expect.anything() }),
    );
    const restApi = synthesis.assembly.getStackByName('tollgate-dev-rest-api');
    expect(restApi.dependencies.map((d) => d.id)).toContain('tollgate-dev-account');
  });

  it('keeps the setting and its role when the stack is deleted (other APIs in the region log with it)', () => {
    for (const type of ['AWS::ApiGateway::Account', 'AWS::IAM::Role']) {
      for (const resource of Object.values(account.findResources(type))) {
        expect(resource).toEqual(
          expect.objectContaining({ DeletionPolicy: 'RetainExceptOnCreate' }),
        );
      }
    }
  });
});
