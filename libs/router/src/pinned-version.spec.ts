import { ApiRouter } from './api-router.js';
import { route } from './route.js';
import { proxyEvent } from './testing/proxy-event.js';

const router = new ApiRouter(
  ['2025-03-01', '2024-12-01'].map((version) =>
    route({
      method: 'GET',
      path: '/notes',
      version,
      handler: (request) => ({ status: 200, body: { served: request.version } }),
    }),
  ),
);
const pinnedTo = (apiVersion: string) => ({ principalId: '42-7', companyId: '42', userId: '7', apiVersion });
const call = async (init: { version?: string; authorizer?: Record<string, unknown> }) => {
  const result = await router.handler(proxyEvent({ path: '/notes', ...init }));
  return {
    status: result.statusCode,
    served: result.headers['X-Api-Version'],
    body: JSON.parse(result.body) as unknown,
  };
};

describe('a key pinned to a version (the authorizer passes apiVersion in its context)', () => {
  it('serves the pinned version to a request without X-Api-Version', async () => {
    expect(await call({ authorizer: pinnedTo('2024-12-01') })).toEqual({
      status: 200,
      served: '2024-12-01',
      body: { served: '2024-12-01' },
    });
  });

  it('lets X-Api-Version win over the pin', async () => {
    expect(await call({ version: '2025-03-01', authorizer: pinnedTo('2024-12-01') })).toMatchObject({
      status: 200,
      served: '2025-03-01',
    });
  });

  it('answers 400 missing-version without a header and without a pin, as before', async () => {
    const unpinned = await call({ authorizer: { principalId: '42-7', companyId: '42', userId: '7' } });
    expect(unpinned).toMatchObject({ status: 400, body: { type: 'https://tollgate.dev/problems/missing-version' } });
    expect(await call({ authorizer: pinnedTo('') })).toMatchObject({ status: 400 });
  });

  it('treats a pin like a header: a malformed one is invalid, an unserved one lists the versions', async () => {
    expect(await call({ authorizer: pinnedTo('2025-02-30') })).toMatchObject({
      status: 400,
      body: { type: 'https://tollgate.dev/problems/invalid-version' },
    });
    expect(await call({ authorizer: pinnedTo('2023-01-01') })).toMatchObject({
      status: 400,
      body: { supportedVersions: ['2025-03-01', '2024-12-01'] },
    });
  });

  it('ignores a pin that is not a string', async () => {
    expect(await call({ authorizer: { apiVersion: 20241201 } })).toMatchObject({ status: 400 });
  });
});
