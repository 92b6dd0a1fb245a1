import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The published files, not the sources: the CommonJS bundle through `require`, and the ES
 * modules in a real Node ESM process. Runs after `build` (the test target depends on it).
 */
const dist = join(__dirname, '..', 'dist');
type RouterModule = typeof import('../src/index.js');
type TestingModule = typeof import('../src/testing/index.js');
type OpenApiModule = typeof import('../src/openapi/index.js');

const event = {
  httpMethod: 'GET',
  path: '/ping/42',
  headers: { 'x-api-version': '2025-03-01' },
  requestContext: { requestId: 'dist-1' },
};

describe('the built package', () => {
  it('serves a request from the CommonJS build', async () => {
    const cjsPath = join(dist, 'cjs', 'index.js');
    const { ApiRouter, route } = (await import(cjsPath)) as RouterModule;
    const router = new ApiRouter([
      route({ method: 'GET', path: '/ping/{n}', version: '2025-03-01', handler: (req) => ({ status: 200, body: { n: req.params.n } }) }),
    ]);
    const result = await router.handler(event);
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Vary: 'X-Api-Version', 'X-Api-Version': '2025-03-01' },
      body: '{"n":"42"}',
      isBase64Encoded: false,
    });
  });

  it('builds a proxy event with @tollgate/router/testing from the CommonJS build', async () => {
    const { ApiRouter, route } = (await import(join(dist, 'cjs', 'index.js'))) as RouterModule;
    const { proxyEvent } = (await import(join(dist, 'cjs', 'testing', 'index.js'))) as TestingModule;
    const router = new ApiRouter([
      route({ method: 'GET', path: '/ping/{n}', version: '2025-03-01', handler: (req) => ({ status: 200, body: { n: req.params.n } }) }),
    ]);
    const result = await router.handler(proxyEvent({ path: '/ping/7', version: '2025-03-01' }));
    expect(result).toMatchObject({ statusCode: 200, body: '{"n":"7"}' });
  });

  it('serves a request from the ES module build in plain Node, also with a @tollgate/router/testing event', () => {
    const esm = pathToFileURL(join(dist, 'esm', 'index.js')).href;
    const esmTesting = pathToFileURL(join(dist, 'esm', 'testing', 'index.js')).href;
    const script = `
      const { ApiRouter, route } = await import(${JSON.stringify(esm)});
      const { proxyEvent } = await import(${JSON.stringify(esmTesting)});
      const router = new ApiRouter([route({ method: 'GET', path: '/ping/{n}', version: '2025-03-01',
        handler: (req) => ({ status: 200, body: { n: req.params.n } }) })]);
      const fromTesting = await router.handler(proxyEvent({ path: '/ping/42', version: '2025-03-01' }));
      const plain = await router.handler(${JSON.stringify(event)});
      console.log(JSON.stringify([plain, fromTesting]));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const served = { statusCode: 200, body: '{"n":"42"}' };
    expect(JSON.parse(run.stdout)).toMatchObject([served, served]);
  });

  it('documents a route table with @tollgate/router/openapi from both builds', () => {
    const responses = { 200: { description: 'pong' } };
    const documented = (openapi: OpenApiModule, router: RouterModule) =>
      [...openapi.openApiDocuments({
        title: 'Ping',
        routes: [router.route({ method: 'GET', path: '/ping/{n}', version: '2025-03-01', responses, handler: () => ({ status: 200 }) })],
      }).keys()];
    expect(documented(require(join(dist, 'cjs', 'openapi', 'index.js')), require(join(dist, 'cjs', 'index.js')))).toEqual(['2025-03-01']);

    const esm = (entry: string) => JSON.stringify(pathToFileURL(join(dist, 'esm', entry)).href);
    const script = `
      const { route } = await import(${esm('index.js')});
      const { openApiDocuments } = await import(${esm('openapi/index.js')});
      const documents = openApiDocuments({ title: 'Ping', routes: [route({ method: 'GET', path: '/ping/{n}',
        version: '2025-03-01', responses: { 200: { description: 'pong' } }, handler: () => ({ status: 200 }) })] });
      console.log(JSON.stringify(documents.get('2025-03-01').paths));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['/ping/{n}']);
  });
});
