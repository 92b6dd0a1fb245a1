import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuthorizerContext } from './authorizer-outcome.js';
import { isBinaryMediaType } from './binary-media-type.js';
import { headerValue } from './gateway-request.js';
import type { RequestFacts } from './request-facts.js';
import { requestContext } from './request-facts.js';

function orNull<T extends object>(map: T): T | null {
  return Object.keys(map).length > 0 ? map : null;
}

/**
 * The REST proxy integration event (payload 1.0): empty maps are `null`, the body is the text
 * as sent (base64 when its `Content-Type` is one of the API's binary media types), and the
 * authorizer's context sits in `requestContext.authorizer` as API Gateway delivers it.
 */
export function buildProxyEvent(
  facts: RequestFacts,
  authorizer: AuthorizerContext,
  binaryMediaTypes: readonly string[],
): APIGatewayProxyEvent {
  const { request, matched } = facts;
  const binary = isBinaryMediaType(headerValue(request, 'Content-Type'), binaryMediaTypes);
  return {
    resource: matched.resource,
    path: request.path,
    httpMethod: request.method,
    headers: facts.headers.single,
    multiValueHeaders: facts.headers.multi,
    queryStringParameters: orNull(facts.query.single),
    multiValueQueryStringParameters: orNull(facts.query.multi),
    pathParameters: orNull({ ...matched.pathParameters }),
    stageVariables: null,
    requestContext: { ...requestContext(facts), authorizer },
    body: request.body.length > 0 ? request.body.toString(binary ? 'base64' : 'utf8') : null,
    isBase64Encoded: binary && request.body.length > 0,
  };
}
