import {
  authorizerImage,
  binaryMediaTypes,
  domains,
  problemContentType,
  type DomainDefinition,
} from '@tollgate/domain-registry';
import { Aspects, CfnOutput, Duration, Fn, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  ApiKeySourceType,
  AuthorizationType,
  CfnBasePathMapping,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  Period,
  RequestAuthorizer,
  RequestValidator,
  ResponseType,
  RestApi,
  type MethodOptions,
} from 'aws-cdk-lib/aws-apigateway';
import { Function as LambdaFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { accessLogFormat } from '../api/access-log-format.js';
import { gatewayProblemResponses } from '../api/gateway-responses.js';
import type { Deployment } from '../deployment.js';
import { platformLogGroup } from '../logs/platform-log-group.js';
import { rateLimitingWebAcl } from '../api/rate-limiting-web-acl.js';
import { sourceAccountOnServicePermissions } from './source-account-on-service-permissions.js';
import { PlatformStack } from './platform-stack.js';

const apiKeyHeader = 'X-Api-Key';

/**
 * The REST API: every domain's resources proxied to its Lambda behind the API-key authorizer,
 * problem+json gateway responses, a usage plan fed by the authorizer, access logs, and the
 * mapping onto the custom domain. Lambdas and domain come in by export.
 */
export class RestApiStack extends PlatformStack {
  constructor(scope: Construct, deployment: Deployment) {
    super(scope, 'rest-api', { deployment, description: 'Tollgate: REST API' });
    const { config } = deployment;

    const accessLogs = platformLogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${deployment.restApiName}/access`,
      retention: config.logRetentionDays,
    });

    const api = new RestApi(this, 'RestApi', {
      restApiName: deployment.restApiName,
      description: 'Tollgate REST API',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // Clients use the custom domain only: one public name, one base path mapping.
      disableExecuteApiEndpoint: true,
      // The account-wide logging role is the account stack's (deployed first in every set).
      cloudWatchRole: false,
      apiKeySourceType: ApiKeySourceType.AUTHORIZER,
      // Shared with the local API, which decodes base64 Lambda bodies only for these.
      binaryMediaTypes: [...binaryMediaTypes],
      deployOptions: {
        stageName: config.api.stageName,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.custom(accessLogFormat),
        metricsEnabled: true,
        // Execution logs of failed requests only (ERROR): never request or response bodies.
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
        throttlingRateLimit: config.api.throttle.rateLimit,
        throttlingBurstLimit: config.api.throttle.burstLimit,
      },
    });
    // Its execute-api URL is disabled; the custom domain's URL is the output that matters.
    api.node.tryRemoveChild('Endpoint');
    if (config.api.waf) {
      rateLimitingWebAcl(this, {
        name: `${deployment.prefix}-api`,
        stageArn: api.deploymentStage.stageArn,
        rateLimitPerIp: config.api.waf.rateLimitPerIp,
      });
    } else {
      Validations.of(api.deploymentStage).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason:
          'This environment has no WAF (config api.waf): every request passes the API-key authorizer, stage throttling and the usage plan.',
      });
    }

    const authorizer = new RequestAuthorizer(this, 'ApiKeyAuthorizer', {
      authorizerName: `${deployment.prefix}-api-key`,
      handler: this.importFunction('AuthorizerFunction', authorizerImage.imageName),
      identitySources: [IdentitySource.header(apiKeyHeader)],
      // Grants depend on method, path and query, not on the key alone: never reuse a decision.
      resultsCacheTtl: Duration.seconds(0),
    });
    const requestValidator = new RequestValidator(this, 'RequireApiKeyHeader', {
      restApi: api,
      requestValidatorName: 'require-api-key-header',
      validateRequestParameters: true,
    });
    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason:
        'The validator checks parameters (X-Api-Key); bodies are validated by each domain Lambda against its route schemas, which API Gateway models would duplicate.',
    });
    const methodOptions: MethodOptions = {
      authorizationType: AuthorizationType.CUSTOM,
      authorizer,
      apiKeyRequired: true,
      requestValidator,
      requestParameters: { [`method.request.header.${apiKeyHeader}`]: true },
    };
    for (const domain of domains) this.addDomainRoutes(api, domain, methodOptions);

    for (const response of gatewayProblemResponses) {
      api.addGatewayResponse(response.type, {
        type: ResponseType.of(response.type),
        ...(response.statusCode === undefined ? {} : { statusCode: response.statusCode }),
        responseHeaders: { 'Content-Type': `'${problemContentType}'` },
        templates: { 'application/json': response.template },
      });
    }

    // One usage plan per tier of the config, named `<prefix>-<plan>`: `tollgate-keys publish`
    // finds them by that name and attaches each key's (or plan's) usage identifier.
    for (const [plan, { throttle, quota }] of Object.entries(config.api.usagePlans)) {
      const usagePlan = api.addUsagePlan(`UsagePlan-${plan}`, {
        name: `${deployment.prefix}-${plan}`,
        description: `Usage plan "${plan}": API keys named after the usage identifiers the authorizer returns`,
        // Per key, below the stage's limit: one client cannot take the whole stage.
        throttle,
        ...(quota === undefined
          ? {}
          : { quota: { limit: quota.limit, period: Period[quota.period] } }),
        apiStages: [{ api, stage: api.deploymentStage }],
      });
      if (plan === 'default') new CfnOutput(this, 'UsagePlanId', { value: usagePlan.usagePlanId });
    }

    new CfnBasePathMapping(this, 'BasePathMapping', {
      domainName: Fn.importValue(deployment.exports.domainName),
      restApiId: api.restApiId,
      stage: api.deploymentStage.stageName,
    });

    Aspects.of(this).add(sourceAccountOnServicePermissions);

    new CfnOutput(this, 'RestApiId', { value: api.restApiId });
    new CfnOutput(this, 'Url', { value: `https://${config.domain.domainName}/` });
  }

  private importFunction(id: string, imageName: string): IFunction {
    return LambdaFunction.fromFunctionAttributes(this, id, {
      functionArn: Fn.importValue(this.deployment.exports.functionArn(imageName)),
      // Same account and region: lets API Gateway's invoke permissions be added here.
      sameEnvironment: true,
    });
  }

  private addDomainRoutes(
    api: RestApi,
    domain: DomainDefinition,
    methodOptions: MethodOptions,
  ): void {
    const integration = new LambdaIntegration(
      this.importFunction(`${domain.name}Function`, domain.imageName),
      {
        allowTestInvoke: false,
      },
    );
    for (const path of domain.apiResources) {
      const method = api.root.resourceForPath(path).addMethod('ANY', integration, methodOptions);
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-COG4',
        reason:
          'Callers are machines holding API keys, checked per request by the Lambda REQUEST authorizer; there are no Cognito users.',
      });
    }
  }
}
