import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { secretsManagerKeyMapSource } from './secrets-manager-key-map-source.js';

// The real SDK client the source creates itself (no aws-sdk-client-mock in this file) against
// an endpoint that accepts the request and never answers.
describe('secretsManagerKeyMapSource against a stalled Secrets Manager endpoint', () => {
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

  it('fails the load after its request timeout instead of holding requests until the Lambda times out', async () => {
    const failure = await secretsManagerKeyMapSource({ secretId: 'tollgate/keys' })
      .load()
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'KeyMapSourceError', causeName: 'ETIMEDOUT' });
  }, 20_000);
});
