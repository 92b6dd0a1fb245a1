import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import type { HandlerSource } from './handler-source.js';
import type { LambdaHandler } from './lambda-invocation.js';

/** Handlers by Lambda app name; an app missing here fails to load like a missing bundle. */
export function fakeHandlerSource(
  handlers: Record<string, (event: never, context: Context) => unknown>,
): HandlerSource {
  return {
    handlerFor(app) {
      const handler = handlers[app];
      if (!handler) throw new Error(`Cannot find module 'dist/apps/${app}/index.js'`);
      return handler as LambdaHandler;
    },
  };
}

/**
 * An authorizer with the real protocol and a tiny key table: `sk_ok` is allowed exactly the
 * request's method ARN, `sk_deny` gets a Deny, `sk_broken` throws something else than
 * `Unauthorized`, `sk_object_context` returns a nested context value; anything else is unknown.
 */
export async function fakeAuthorizer(event: APIGatewayRequestAuthorizerEvent) {
  const key = event.headers?.['X-Api-Key'] ?? event.headers?.['x-api-key'];
  const policy = (Effect: 'Allow' | 'Deny') => ({
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect, Resource: event.methodArn }],
  });
  switch (key) {
    case 'sk_ok':
      return {
        principalId: '42-7',
        policyDocument: policy('Allow'),
        context: { companyId: 42, userId: 7 },
      };
    case 'sk_deny':
      return {
        principalId: '42-7',
        policyDocument: policy('Deny'),
        context: { companyId: 42, userId: 7 },
      };
    case 'sk_broken':
      throw new Error('key map unavailable');
    case 'sk_object_context':
      return { principalId: '42-7', policyDocument: policy('Allow'), context: { user: { id: 7 } } };
    default:
      throw new Error('Unauthorized');
  }
}

/** A domain Lambda that answers with the event it received. */
export async function echoDomain(event: APIGatewayProxyEvent) {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: { 'X-Multi': ['a', 'b'] },
    body: JSON.stringify(event),
  };
}
