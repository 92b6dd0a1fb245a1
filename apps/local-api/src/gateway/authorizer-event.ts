import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { RequestFacts } from './request-facts.js';
import { requestContext } from './request-facts.js';
import { methodArn } from './stage.js';

/**
 * The REST REQUEST authorizer event. Unlike the proxy event, empty maps arrive as `{}`, not
 * `null`, and there is no body.
 */
export function buildAuthorizerEvent(facts: RequestFacts): APIGatewayRequestAuthorizerEvent {
  const { request, matched, stage } = facts;
  const { authorizer: _none, ...context } = requestContext(facts);
  return {
    type: 'REQUEST',
    methodArn: methodArn(stage, request.method, request.path),
    resource: matched.resource,
    path: request.path,
    httpMethod: request.method,
    headers: facts.headers.single,
    multiValueHeaders: facts.headers.multi,
    queryStringParameters: facts.query.single,
    multiValueQueryStringParameters: facts.query.multi,
    pathParameters: { ...matched.pathParameters },
    stageVariables: {},
    requestContext: context as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}
