import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { decide } from '../decision/decide.js';
import { compileKeyMap } from '../key-map/compile-key-map.js';
import { usageIdentifierOf } from '../key-map/key-names.js';
import { METHOD_ARN_PREFIX, PLAIN_KEY, keyMapJson } from '../testing/fixtures.js';
import { buildPolicy, unavailablePolicy } from './build-policy.js';
import { grantedArns, stageArnPrefix } from './granted-arns.js';

const keyMap = compileKeyMap(keyMapJson);
const methodArn = `${METHOD_ARN_PREFIX}GET/resources/42`;

function decisionFor(method: string, path: string) {
  const decision = decide(keyMap, { apiKey: PLAIN_KEY, method, path, queryParameterNames: [] });
  if (decision.effect === 'Unknown') throw new Error('expected a known key');
  return decision;
}

describe('buildPolicy', () => {
  it('allows execute-api:Invoke on exactly the methodArn, with primitive context and the key as usage identifier', () => {
    const policy: APIGatewayAuthorizerResult = buildPolicy(decisionFor('GET', '/resources/42'), { methodArn });
    expect(policy).toEqual({
      principalId: '42-7',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: methodArn }],
      },
      context: { companyId: 42, userId: 7 },
      usageIdentifierKey: usageIdentifierOf(PLAIN_KEY),
    });
  });

  it('denies the methodArn with a reason in the context and no usage identifier', () => {
    const arn = `${METHOD_ARN_PREFIX}DELETE/resources/42`;
    expect(buildPolicy(decisionFor('DELETE', '/resources/42'), { methodArn: arn })).toEqual({
      principalId: '42-7',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: arn }] },
      context: { companyId: 42, userId: 7, reason: 'no-matching-grant' },
    });
  });

  it('keeps every context value a primitive (API Gateway answers 500 otherwise)', () => {
    for (const policy of [
      buildPolicy(decisionFor('GET', '/resources/42'), { methodArn }),
      buildPolicy(decisionFor('PUT', '/x'), { methodArn }, 'granted-arns'),
      unavailablePolicy(methodArn),
    ]) {
      for (const value of Object.values(policy.context ?? {})) expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
  });

  describe('granted-arns (for an authorizer with result caching)', () => {
    it('allows every granted ARN on the request’s stage, parameters as *', () => {
      const policy = buildPolicy(decisionFor('GET', '/resources/42'), { methodArn }, 'granted-arns');
      expect(policy.policyDocument.Statement).toEqual([
        {
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: [methodArn, `${METHOD_ARN_PREFIX}GET/resources`, `${METHOD_ARN_PREFIX}GET/resources/*`],
        },
      ]);
    });

    it('explicitly denies a denied request’s ARN while still allowing the granted ones', () => {
      const arn = `${METHOD_ARN_PREFIX}GET/resources/42/secrets`;
      const policy = buildPolicy(decisionFor('GET', '/resources/42/secrets'), { methodArn: arn }, 'granted-arns');
      expect(policy.policyDocument.Statement).toEqual([
        { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: arn },
        {
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: [`${METHOD_ARN_PREFIX}GET/resources`, `${METHOD_ARN_PREFIX}GET/resources/*`],
        },
      ]);
    });

    it('falls back to the methodArn alone when the ARN cannot be parsed', () => {
      const policy = buildPolicy(decisionFor('GET', '/resources/42'), { methodArn: 'not-an-arn' }, 'granted-arns');
      expect(policy.policyDocument.Statement).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'not-an-arn' }]);
    });
  });
});

describe('stageArnPrefix / grantedArns', () => {
  it('keeps partition, region, account, api and stage, even with colons in the path', () => {
    expect(stageArnPrefix('arn:aws-cn:execute-api:cn-north-1:1:api/dev/GET/a:b/c')).toBe('arn:aws-cn:execute-api:cn-north-1:1:api/dev/');
    expect(stageArnPrefix('arn:aws:lambda:eu-west-1:1:function/x/y')).toBeUndefined();
    expect(stageArnPrefix('arn:aws:execute-api:eu-west-1:1:api')).toBeUndefined();
  });

  it('turns only whole {name} segments into *', () => {
    expect(
      grantedArns(methodArn, [
        { method: 'GET', path: '/', queryParameters: [] },
        { method: 'POST', path: '/a/{x}/b/{y}', queryParameters: [] },
      ]),
    ).toEqual([`${METHOD_ARN_PREFIX}GET/`, `${METHOD_ARN_PREFIX}POST/a/*/b/*`]);
  });
});

describe('unavailablePolicy', () => {
  it('denies the methodArn and says why', () => {
    expect(unavailablePolicy(methodArn)).toEqual({
      principalId: 'unavailable',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: methodArn }] },
      context: { reason: 'key-map-unavailable' },
    });
  });
});
