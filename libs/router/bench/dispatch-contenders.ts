import { Router } from '@aws-lambda-powertools/event-handler/http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Request as LambdaApiRequest, Response as LambdaApiResponse } from 'lambda-api';
import { ApiRouter } from '../src/api-router.js';
import type { ApiGatewayProxyEvent, ApiGatewayProxyResult, LambdaContext } from '../src/api-gateway-types.js';
import { route } from '../src/route.js';
import { proxyEvent as restProxyEvent } from '../src/testing/proxy-event.js';
import { colonPath, routes, versionsByTemplate, type BenchRequest } from './bench-table.js';

/** Event in, `APIGatewayProxyResult` out, each router answering with the same JSON body. */
export type Dispatcher = (event: ApiGatewayProxyEvent) => Promise<{ statusCode: number; body: string }>;

const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/bench',
  logStreamName: '2026/11/24/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** Headers a real client and API Gateway put on every request, so header handling is timed too. */
const gatewayHeaders = {
  Accept: 'application/json',
  Host: 'api.example.com',
  'User-Agent': 'bench/1.0',
  'X-Amzn-Trace-Id': 'Root=1-5e1b4151-5ac6c58f5b5dbd6a3c6e1c6f',
  'X-Api-Key': 'sk_live_0123456789abcdef',
  'X-Forwarded-For': '203.0.113.7',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
};

/** A REST proxy event as API Gateway delivers it, headers and authorizer context included. */
export function proxyEvent(request: BenchRequest): ApiGatewayProxyEvent {
  return restProxyEvent({
    method: request.method,
    path: request.path,
    version: request.version,
    headers: gatewayHeaders,
    authorizer: { companyId: '42', userId: '7', principalId: '42-7', integrationLatency: 3 },
  });
}

const body = (key: string, id: string | undefined, version: string) => ({ route: key, id: id ?? null, version });

export function tollgateDispatcher(): Dispatcher {
  const router = new ApiRouter(
    routes.map(({ template, version, key }) =>
      route({
        method: 'GET',
        path: template,
        version,
        handler: (req) => ({ status: 200, body: body(key, (req.params as { id?: string }).id, req.version) }),
      }),
    ),
  );
  return (event) => router.handler(event, lambdaContext as LambdaContext);
}

const unsupported = (versions: Map<string, string>) => ({
  type: 'https://tollgate.dev/problems/unsupported-version',
  title: 'Unsupported API version',
  status: 400,
  supportedVersions: [...versions.keys()].reverse(),
});

export function powertoolsDispatcher(): Dispatcher {
  const app = new Router();
  for (const [template, versions] of versionsByTemplate()) {
    app.get(colonPath(template) as `/${string}`, ({ req, params }) => {
      const version = req.headers.get('x-api-version') ?? '';
      const key = versions.get(version);
      if (key === undefined) {
        return new Response(JSON.stringify(unsupported(versions)), {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
        });
      }
      return body(key, params['id'], version);
    });
  }
  return (event) => app.resolve(event as never, lambdaContext) as Promise<ApiGatewayProxyResult>;
}

export function lambdaApiDispatcher(): Dispatcher {
  // lambda-api is CommonJS whose module.exports is the factory; require it as such.
  const requireCjs = createRequire(join(process.cwd(), 'package.json'));
  const createApi = requireCjs('lambda-api') as typeof import('lambda-api').default;
  const api = createApi({ logger: false });
  for (const [template, versions] of versionsByTemplate()) {
    api.get(colonPath(template), (req: LambdaApiRequest, res: LambdaApiResponse) => {
      const version = String(req.headers['x-api-version'] ?? '');
      const key = versions.get(version);
      if (key === undefined) {
        res.status(400).type('application/problem+json').send(JSON.stringify(unsupported(versions)));
        return;
      }
      res.status(200).json(body(key, req.params['id'], version));
    });
  }
  return (event) => api.run(event as never, lambdaContext) as Promise<ApiGatewayProxyResult>;
}
