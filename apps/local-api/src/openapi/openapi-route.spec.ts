import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayProblems } from '@tollgate/domain-registry';
import { fakeHandlerSource } from '../gateway/fake-handlers.test-support.js';
import { createGateway } from '../gateway/gateway.js';
import { type GatewayServer, startGatewayServer } from '../gateway/http-server.js';
import { loadOpenApiFiles, OpenApiFilesError } from './openapi-files.js';
import { openApiRoute } from './openapi-route.js';

const index = {
  versions: [{ version: '2025-03-01', document: '2025-03-01.json', deprecated: false }],
};
const document = {
  openapi: '3.1.1',
  info: { title: 'Notes', version: '2025-03-01' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {},
};

function artifact(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-files-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadOpenApiFiles', () => {
  it('reads the index and every document it names', () => {
    const files = loadOpenApiFiles(
      artifact({
        'index.json': JSON.stringify(index),
        '2025-03-01.json': JSON.stringify(document),
      }),
    );
    expect(files.index).toEqual(index);
    expect(files.documents).toEqual(new Map([['2025-03-01', document]]));
  });

  it.each([
    ['no artifact', {}, /index\.json \(run npm run openapi\)/],
    ['a document missing', { 'index.json': JSON.stringify(index) }, /2025-03-01\.json/],
    [
      'an index naming a file outside the directory',
      {
        'index.json': JSON.stringify({
          versions: [{ version: '2025-03-01', document: '../x.json' }],
        }),
      },
      /not an OpenAPI index/,
    ],
  ])('stops the start on %s', (_, files, message) => {
    const dir = artifact(files);
    expect(() => loadOpenApiFiles(dir)).toThrow(OpenApiFilesError);
    expect(() => loadOpenApiFiles(dir)).toThrow(message);
  });
});

describe('GET /openapi through the gateway', () => {
  let server: GatewayServer;

  beforeAll(async () => {
    const files = loadOpenApiFiles(
      artifact({
        'index.json': JSON.stringify(index),
        '2025-03-01.json': JSON.stringify(document),
      }),
    );
    const gateway = createGateway({
      registry: [],
      authorizer: {
        lambdaApp: 'authorizer-lambda',
        imageName: 'authorizer',
        runtime: { aws: {}, local: {} },
      },
      handlers: fakeHandlerSource({}),
      publicRoutes: openApiRoute(files),
    });
    server = await startGatewayServer({ gateway, port: 0, log: () => undefined });
  });
  afterAll(() => server.close());

  it('lists the versions without a key', async () => {
    const response = await fetch(`${server.url}/openapi`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(index);
  });

  it('serves a version’s document without a key, this local API first among its servers', async () => {
    const response = await fetch(`${server.url}/openapi/2025-03-01.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ...document,
      servers: [{ url: server.url, description: 'this local API' }, ...document.servers],
    });
  });

  it.each([
    ['GET', '/openapi/2020-01-01.json'],
    ['GET', '/openapi/index.json'],
    ['POST', '/openapi'],
    ['GET', '/elsewhere'],
  ])('answers %s %s as the gateway answers what no resource declares', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: gatewayProblems['not-found'].type });
  });
});
