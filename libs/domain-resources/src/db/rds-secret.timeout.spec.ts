import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchRdsCredentials } from './rds-secret.js';

// The real SDK client (no aws-sdk-client-mock in this file) against an endpoint that accepts
// the request and never answers.
describe('fetchRdsCredentials against a stalled Secrets Manager endpoint', () => {
  let server: Server;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_MAX_ATTEMPTS: '1',
    });
  });
  afterAll(async () => {
    process.env = saved;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up after the request timeout instead of waiting for the Lambda to time out', async () => {
    const failure = await fetchRdsCredentials('tollgate/db', {
      connectionTimeout: 200,
      requestTimeout: 300,
    }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'TimeoutError' });
  });
});
