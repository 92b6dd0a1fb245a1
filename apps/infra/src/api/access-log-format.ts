import { AccessLogField } from 'aws-cdk-lib/aws-apigateway';

/**
 * One JSON line per request. Deliberately without `$context.identity.apiKey`: an API key
 * never reaches a log.
 */
export const accessLogFormat = JSON.stringify({
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
  errorMessage: AccessLogField.contextErrorMessage(),
});
