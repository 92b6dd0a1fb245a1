import { Match, type Template } from 'aws-cdk-lib/assertions';
import {
  binaryMediaTypes,
  domains,
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblems,
} from '@tollgate/domain-registry';
import {
  onlyResource,
  synthesizeForTest,
  templateOf,
} from '../testing/synth-fixture.test-support.js';

let api: Template;

beforeAll(() => {
  api = templateOf(synthesizeForTest({ env: 'dev', features: 'shared' }), 'rest-api');
});

const importOf = (imageName: string) => ({
  'Fn::ImportValue': `tollgate-dev-lambda-${imageName}-arn`,
});

interface CfnResource<P> {
  readonly Properties: P;
}
interface MethodProps {
  readonly ResourceId: { readonly Ref: string };
  readonly Integration: { readonly Uri: unknown };
}
interface ResourceProps {
  readonly PathPart: string;
  readonly ParentId: { readonly Ref?: string };
}

describe('REST API', () => {
  it('is REGIONAL, reached only through the custom domain, metered by keys the authorizer returns', () => {
    expect(onlyResource(api, 'AWS::ApiGateway::RestApi')).toEqual(
      expect.objectContaining({
        Name: 'tollgate-dev',
        ApiKeySourceType: 'AUTHORIZER',
        DisableExecuteApiEndpoint: true,
        EndpointConfiguration: { Types: ['REGIONAL'] },
      }),
    );
    // The registry's, which the local API honours too (none: base64 bodies reach clients as text).
    expect(onlyResource(api, 'AWS::ApiGateway::RestApi')['BinaryMediaTypes'] ?? []).toEqual([
      ...binaryMediaTypes,
    ]);
    api.hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
      DomainName: { 'Fn::ImportValue': 'tollgate-dev-custom-domain-name' },
      Stage: { Ref: Match.stringLikeRegexp('^RestApiDeploymentStage') },
    });
    expect(Object.keys(api.findOutputs('*')).sort()).toEqual(['RestApiId', 'Url', 'UsagePlanId']);
  });

  it('has a REQUEST authorizer with result TTL 0 on X-Api-Key, run by the imported authorizer Lambda', () => {
    const authorizer = onlyResource(api, 'AWS::ApiGateway::Authorizer');
    expect(authorizer).toEqual(
      expect.objectContaining({
        Type: 'REQUEST',
        AuthorizerResultTtlInSeconds: 0,
        IdentitySource: 'method.request.header.X-Api-Key',
      }),
    );
    expect(JSON.stringify(authorizer['AuthorizerUri'])).toContain(
      JSON.stringify(importOf('authorizer')),
    );
    api.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: importOf('authorizer'),
      Principal: 'apigateway.amazonaws.com',
    });
  });

  it('has a request validator that checks parameters', () => {
    expect(onlyResource(api, 'AWS::ApiGateway::RequestValidator')).toEqual(
      expect.objectContaining({ ValidateRequestParameters: true }),
    );
  });

  it('guards every method with the authorizer, an API key and the required X-Api-Key header', () => {
    api.allResourcesProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: Match.stringLikeRegexp('^ApiKeyAuthorizer') },
      ApiKeyRequired: true,
      RequestValidatorId: { Ref: Match.stringLikeRegexp('^RequireApiKeyHeader') },
      RequestParameters: { 'method.request.header.X-Api-Key': true },
      Integration: Match.objectLike({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' }),
    });
  });

  it('routes the registry’s API resources to their domain Lambdas', () => {
    const resources = api.findResources('AWS::ApiGateway::Resource') as Record<
      string,
      CfnResource<ResourceProps>
    >;
    const pathOf = (id: string | undefined): string => {
      const resource = id === undefined ? undefined : resources[id];
      return resource
        ? `${pathOf(resource.Properties.ParentId.Ref)}/${resource.Properties.PathPart}`
        : '';
    };
    const methods = Object.values(
      api.findResources('AWS::ApiGateway::Method') as Record<string, CfnResource<MethodProps>>,
    );
    const routes = methods.map(({ Properties: method }) => {
      const lambda = /tollgate-dev-lambda-(\w+)-arn/.exec(
        JSON.stringify(method.Integration.Uri),
      )?.[1];
      return `${pathOf(method.ResourceId.Ref)} -> ${lambda}`;
    });
    expect(routes.sort()).toEqual(
      domains
        .flatMap(({ apiResources, imageName }) =>
          apiResources.map((path) => `${path} -> ${imageName}`),
        )
        .sort(),
    );
    expect(routes).toEqual(expect.arrayContaining(['/resources/{proxy+} -> resources']));
    for (const { imageName } of domains) {
      api.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: importOf(imageName),
        Principal: 'apigateway.amazonaws.com',
      });
    }
  });

  it('meters every request through a usage plan on the stage, each key throttled below the stage', () => {
    expect(
      Object.values(api.findResources('AWS::ApiGateway::UsagePlan')).map(
        (plan) => (plan as { Properties: { UsagePlanName: string } }).Properties.UsagePlanName,
      ),
    ).toEqual(['tollgate-dev-default', 'tollgate-dev-partner']);
    api.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'tollgate-dev-partner',
      Throttle: { RateLimit: 40, BurstLimit: 80 },
      Quota: { Limit: 1_000_000, Period: 'MONTH' },
    });
    api.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'tollgate-dev-default',
      ApiStages: [
        Match.objectLike({
          ApiId: { Ref: Match.stringLikeRegexp('^RestApi') },
          Stage: { Ref: Match.stringLikeRegexp('^RestApiDeploymentStage') },
        }),
      ],
      Throttle: { RateLimit: 20, BurstLimit: 40 },
    });
    expect(onlyResource(api, 'AWS::ApiGateway::Stage')['MethodSettings']).toEqual([
      expect.objectContaining({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
    ]);
  });

  it('writes one JSON access-log line per request, never the API key', () => {
    const stage = onlyResource(api, 'AWS::ApiGateway::Stage') as {
      AccessLogSetting: { DestinationArn: unknown; Format: string };
    };
    expect(JSON.stringify(stage.AccessLogSetting.DestinationArn)).toMatch(/"Ref":"AccessLogs/);
    const line = renderAccessLog(stage.AccessLogSetting.Format, 'Invalid "X-Api-Key" \\ header');
    expect(line).toEqual(
      expect.objectContaining({
        requestId: '$context.requestId',
        status: '$context.status',
        errorType: '$context.error.responseType',
      }),
    );
    expect(Object.values(line)).not.toContain('$context.identity.apiKey');
    api.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/apigateway/tollgate-dev/access',
      RetentionInDays: 14,
    });
  });

  it('keeps a line valid JSON whatever the error message holds: only the pre-quoted message variable', () => {
    const { Format } = (
      onlyResource(api, 'AWS::ApiGateway::Stage') as {
        AccessLogSetting: { Format: string };
      }
    ).AccessLogSetting;
    expect(Format).not.toMatch(/\$context\.error\.message(?!String)/);
    const message = 'Invalid "X-Api-Key" \\ header\nsecond line';
    expect(renderAccessLog(Format, message)['errorMessage']).toBe(message);
  });

  it('logs failed requests to execution logs (never bodies) and traces with X-Ray', () => {
    expect(onlyResource(api, 'AWS::ApiGateway::Stage')).toEqual(
      expect.objectContaining({
        TracingEnabled: true,
        MethodSettings: [
          expect.objectContaining({
            HttpMethod: '*',
            ResourcePath: '/*',
            LoggingLevel: 'ERROR',
            DataTraceEnabled: false,
          }),
        ],
      }),
    );
  });

  it('names the account in every Lambda permission it grants API Gateway', () => {
    const permissions = Object.values(api.findResources('AWS::Lambda::Permission'));
    expect(permissions.length).toBeGreaterThan(0);
    for (const { Properties } of permissions) {
      expect(Properties).toEqual(
        expect.objectContaining({
          Principal: 'apigateway.amazonaws.com',
          SourceAccount: '111111111111',
          SourceArn: expect.anything(),
        }),
      );
    }
  });
});

/**
 * An access-log line as API Gateway writes it: `$context.error.messageString` replaced by the
 * JSON-quoted message, every other variable left as text (each sits inside a JSON string).
 */
function renderAccessLog(format: string, errorMessage: string): Record<string, string> {
  return JSON.parse(
    format.replace('$context.error.messageString', JSON.stringify(errorMessage)),
  ) as Record<string, string>;
}

describe('gateway responses', () => {
  interface GatewayResponse {
    readonly ResponseType: string;
    readonly StatusCode?: string;
    readonly ResponseParameters: Record<string, string>;
    readonly ResponseTemplates: Record<string, string>;
  }
  const responses = () =>
    new Map(
      Object.values(
        api.findResources('AWS::ApiGateway::GatewayResponse') as Record<
          string,
          CfnResource<GatewayResponse>
        >,
      ).map(({ Properties: response }) => [response.ResponseType, response]),
    );
  /** The body as a client would see it, with API Gateway's variables substituted. */
  const bodyOf = (response: GatewayResponse | undefined) =>
    JSON.parse(
      (response?.ResponseTemplates['application/json'] ?? '')
        .replaceAll('$context.error.messageString', '"Too Many Requests"')
        .replaceAll('$context.requestId', 'req-1'),
    ) as Record<string, unknown>;

  const catalogued = Object.values(gatewayProblems).flatMap((problem) =>
    problem.responseTypes.map((type) => [type, problem] as const),
  );

  it('covers exactly the catalogue’s response types and the two DEFAULT families', () => {
    expect([...responses().keys()].sort()).toEqual(
      [...catalogued.map(([type]) => type), 'DEFAULT_4XX', 'DEFAULT_5XX'].sort(),
    );
  });

  it.each(catalogued)(
    '%s answers the catalogue’s problem at its status, as problem+json with the request id',
    (type, problem) => {
      const response = responses().get(type);
      expect(response?.StatusCode).toBe(String(problem.status));
      expect(response?.ResponseParameters).toEqual({
        'gatewayresponse.header.Content-Type': "'application/problem+json'",
      });
      expect(bodyOf(response)).toEqual({
        type: problem.type,
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        requestId: 'req-1',
      });
    },
  );

  it.each([
    ['INTEGRATION_FAILURE', '502', 'bad-gateway'],
    ['INTEGRATION_TIMEOUT', '504', 'gateway-timeout'],
    ['REQUEST_TOO_LARGE', '413', 'request-too-large'],
    ['MISSING_AUTHENTICATION_TOKEN', '404', 'not-found'],
  ])('%s answers %s %s', (type, status, slug) => {
    const response = responses().get(type);
    expect(response?.StatusCode).toBe(status);
    expect(bodyOf(response)['type']).toBe(`https://tollgate.dev/problems/${slug}`);
  });

  it('keeps API Gateway’s own status for the DEFAULT families, with a problem body that claims none', () => {
    const default4xx = responses().get('DEFAULT_4XX');
    const default5xx = responses().get('DEFAULT_5XX');
    for (const response of [default4xx, default5xx]) {
      expect(response?.StatusCode).toBeUndefined();
      expect(response?.ResponseParameters).toEqual({
        'gatewayresponse.header.Content-Type': "'application/problem+json'",
      });
    }
    expect(bodyOf(default4xx)).toEqual(
      gatewayFallbackBody(gatewayFallbackProblems.clientError, 'req-1', 'Too Many Requests'),
    );
    expect(bodyOf(default4xx)).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      requestId: 'req-1',
    });
    expect(bodyOf(default5xx)).toEqual(
      gatewayFallbackBody(gatewayFallbackProblems.serverError, 'req-1', 'unused'),
    );
    expect(bodyOf(default5xx)).not.toHaveProperty('status');
  });
});

describe('WAF (config api.waf)', () => {
  it('puts a regional web ACL with a per-IP rate-based rule in front of the stage', () => {
    const prodApi = templateOf(synthesizeForTest({ env: 'prod', features: 'shared' }), 'rest-api');
    expect(onlyResource(prodApi, 'AWS::WAFv2::WebACL')).toEqual(
      expect.objectContaining({
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        Rules: [
          expect.objectContaining({
            Action: { Block: {} },
            Statement: { RateBasedStatement: { Limit: 6000, AggregateKeyType: 'IP' } },
          }),
        ],
      }),
    );
    expect(onlyResource(prodApi, 'AWS::WAFv2::WebACLAssociation')).toEqual({
      ResourceArn: expect.objectContaining({ 'Fn::Join': expect.anything() }),
      WebACLArn: { 'Fn::GetAtt': [expect.stringMatching(/^WebAcl/), 'Arn'] },
    });
  });

  it('is absent where the environment sets none', () => {
    api.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });
});
