import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { gatewayFallbackBody, gatewayFallbackProblems } from '@tollgate/domain-registry';
import { gatewayLimits } from '../throttling/gateway-limits.js';
import type { Throttle } from '../throttling/token-bucket.js';
import { UsageLimiter } from '../throttling/usage-limiter.js';
import { fakeHandlerSource } from './fake-handlers.test-support.js';
import { createGateway } from './gateway.js';
import { type GatewayServer, startGatewayServer } from './http-server.js';

/** Allows every key it knows, naming the usage identifier a real authorizer would. */
const identifiers: Record<string, string | undefined> = {
  sk_a: 'tgu_a',
  sk_b: 'tgu_b',
  sk_plan_1: 'tgp_shared',
  sk_plan_2: 'tgp_shared',
  sk_partner: 'tgu_partner',
  sk_no_identifier: undefined,
};
async function authorizer(event: APIGatewayRequestAuthorizerEvent) {
  const key = event.headers?.['X-Api-Key'] ?? '';
  if (!Object.hasOwn(identifiers, key)) throw new Error('Unauthorized');
  return {
    principalId: '42-7',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { companyId: 42, userId: 7 },
    usageIdentifierKey: identifiers[key],
  };
}

let invocations = 0;
const servers: GatewayServer[] = [];
const logLines: string[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** A gateway over HTTP with the given stage throttle; its usage plans barely refill (0.001/s). */
async function gatewayWith(stage: Throttle) {
  const limiter = new UsageLimiter({
    stage,
    usagePlans: {
      default: { throttle: { rateLimit: 0.001, burstLimit: 2 } },
      partner: {
        throttle: { rateLimit: 0.001, burstLimit: 100 },
        quota: { limit: 1, period: 'MONTH' },
      },
    },
  });
  const gateway = createGateway({
    registry: [
      {
        name: 'echo',
        lambdaApp: 'echo-lambda',
        imageName: 'echo',
        runtime: { aws: {}, local: {} },
        basePaths: ['/echo'],
        apiResources: ['/echo'],
      },
    ],
    authorizer: {
      lambdaApp: 'authorizer-lambda',
      imageName: 'authorizer',
      runtime: { aws: {}, local: {} },
    },
    handlers: fakeHandlerSource({
      'authorizer-lambda': authorizer,
      'echo-lambda': async () => {
        invocations++;
        return { statusCode: 204 };
      },
    }),
    limits: gatewayLimits(limiter, async (apiKey) =>
      apiKey === 'sk_partner' ? 'partner' : 'default',
    ),
  });
  const server = await startGatewayServer({ gateway, port: 0, log: (line) => logLines.push(line) });
  servers.push(server);
  return (key: string) => fetch(`${server.url}/echo`, { headers: { 'X-Api-Key': key } });
}

/** API Gateway's THROTTLED / QUOTA_EXCEEDED, as the deployed DEFAULT_4XX response renders it. */
async function expectTooManyRequests(response: Response, message: string) {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  // API Gateway sends no Retry-After with its 429s.
  expect(response.headers.has('retry-after')).toBe(false);
  const requestId = response.headers.get('x-amzn-requestid') ?? '';
  expect(await response.json()).toEqual(
    gatewayFallbackBody(gatewayFallbackProblems.clientError, requestId, message),
  );
}

const statuses = async (send: (key: string) => Promise<Response>, keys: string[]) => {
  const answered: number[] = [];
  for (const key of keys) answered.push((await send(key)).status);
  return answered;
};

describe('the local gateway’s limits', () => {
  const roomy = { rateLimit: 1000, burstLimit: 1000 };

  it('answers 429 past a usage plan’s burst for one usage identifier, without calling the Lambda', async () => {
    const send = await gatewayWith(roomy);
    expect(await statuses(send, ['sk_a', 'sk_a'])).toEqual([204, 204]);
    const before = invocations;
    logLines.length = 0;
    await expectTooManyRequests(await send('sk_a'), 'Too Many Requests');
    expect(invocations).toBe(before);
    expect(logLines[0]).toMatch(
      /^GET \/echo 429 \d+ms principal=42-7 key=\w{8} req=\S+ reason="usage plan throttle"$/,
    );
    // Another identifier of the same plan has its own bucket.
    expect(await statuses(send, ['sk_b', 'sk_b', 'sk_b'])).toEqual([204, 204, 429]);
  });

  it('shares one bucket between keys the authorizer counts under one identifier (per plan)', async () => {
    const send = await gatewayWith(roomy);
    expect(await statuses(send, ['sk_plan_1', 'sk_plan_2', 'sk_plan_1', 'sk_plan_2'])).toEqual([
      204, 204, 429, 429,
    ]);
  });

  it('answers 429 Limit Exceeded once an identifier’s quota is used up', async () => {
    const send = await gatewayWith(roomy);
    expect((await send('sk_partner')).status).toBe(204);
    await expectTooManyRequests(await send('sk_partner'), 'Limit Exceeded');
  });

  it('applies the stage throttle to every request before the authorizer, whatever the key', async () => {
    const send = await gatewayWith({ rateLimit: 0.001, burstLimit: 2 });
    expect(await statuses(send, ['sk_a', 'sk_unknown'])).toEqual([204, 401]);
    logLines.length = 0;
    await expectTooManyRequests(await send('sk_b'), 'Too Many Requests');
    expect(logLines[0]).toContain('principal=- key=- ');
    expect(logLines[0]).toContain('reason="stage throttle"');
  });

  it('leaves a request the authorizer names no identifier for to the stage throttle only', async () => {
    const send = await gatewayWith(roomy);
    expect(
      await statuses(send, ['sk_no_identifier', 'sk_no_identifier', 'sk_no_identifier']),
    ).toEqual([204, 204, 204]);
  });
});
