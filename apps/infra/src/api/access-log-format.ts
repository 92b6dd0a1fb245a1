import { AccessLogField } from 'aws-cdk-lib/aws-apigateway';

/**
 * One JSON line per request. Deliberately without `$context.identity.apiKey`: an API key
 * never reaches a log.
 */
const quotedFields = {
  requestId: AccessLogField.contextRequestId(),
  extendedRequestId: AccessLogField.contextExtendedRequestId(),
  requestTime: AccessLogField.contextRequestTime(),
  sourceIp: AccessLogField.contextIdentitySourceIp(),
  userAgent: AccessLogField.contextIdentityUserAgent(),
  httpMethod: AccessLogField.contextHttpMethod(),
  resourcePath: AccessLogField.contextResourcePath(),
  path: AccessLogField.contextPath(),
  protocol: AccessLogField.contextProtocol(),
  status: AccessLogField.contextStatus(),
  responseLength: AccessLogField.contextResponseLength(),
  responseLatency: AccessLogField.contextResponseLatency(),
  principalId: AccessLogField.contextAuthorizerPrincipalId(),
  authorizerStatus: AccessLogField.contextAuthorizerIntegrationStatus(),
  authorizerLatency: AccessLogField.contextAuthorizerIntegrationLatency(),
  integrationStatus: AccessLogField.contextIntegrationStatus(),
  integrationLatency: AccessLogField.contextIntegrationLatency(),
  errorType: AccessLogField.contextErrorResponseType(),
};

/**
 * `$context.error.message` is raw text (it can hold quotes) and would break the line's JSON;
 * `$context.error.messageString` is the same text already JSON-quoted, so it goes in unquoted.
 */
export const accessLogFormat = `${JSON.stringify(quotedFields).slice(0, -1)},"errorMessage":${AccessLogField.contextErrorMessageString()}}`;
