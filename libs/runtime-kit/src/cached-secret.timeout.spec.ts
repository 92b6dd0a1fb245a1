import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cachedSecret } from './cached-secret.js';

// The real SDK client (no aws-sdk-client-mock in this file) against a Secrets Manager endpoint
// that accepts the request and never answers.
it('gives up on a stalled Secrets Manager after the request timeout, without SDK retries', async () => {
  const saved = { ...process.env };
  let requests = 0;
  const server = createServer(() => void requests++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
    });
    delete process.env.AWS_MAX_ATTEMPTS;
    const secret = cachedSecret({
      secretId: 'tollgate/analytics-api-token',
      parse: String,
      timeouts: { connectionTimeout: 200, requestTimeout: 300 },
    });

    await expect(secret.get()).rejects.toMatchObject({ name: 'TimeoutError' });
    // The SDK's default of 3 attempts with backoff would outlast the request that waits.
    expect(requests).toBe(1);
  } finally {
    process.env = saved;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
