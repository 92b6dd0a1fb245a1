import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The published files, not the sources: the CommonJS bundle through `require`, and the ES
 * modules in a real Node ESM process. Runs after `build` (the test target depends on it).
 */
const dist = join(__dirname, '..', 'dist');
type RouterModule = typeof import('../src/index.js');

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
      headers: { 'Content-Type': 'application/json', 'X-Api-Version': '2025-03-01' },
      body: '{"n":"42"}',
      isBase64Encoded: false,
    });
  });

  it('serves a request from the ES module build in plain Node', () => {
    const esm = pathToFileURL(join(dist, 'esm', 'index.js')).href;
    const script = `
      const { ApiRouter, route } = await import(${JSON.stringify(esm)});
      const router = new ApiRouter([route({ method: 'GET', path: '/ping/{n}', version: '2025-03-01',
        handler: (req) => ({ status: 200, body: { n: req.params.n } }) })]);
      console.log(JSON.stringify(await router.handler(${JSON.stringify(event)})));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ statusCode: 200, body: '{"n":"42"}' });
  });
});
