import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What an npm user gets: `npm pack` of @tollgate/authz and @tollgate/router (built first by the
// e2e target's dependsOn), installed from the tarballs alone into a CommonJS and an ESM project
// that type-check against the shipped declarations (module nodenext, strict, no skipLibCheck)
// and then authorize and route one request each.
const workspaceRoot = process.cwd();
const tsc = join(workspaceRoot, 'node_modules/typescript/bin/tsc');
let scratch: string;
let tarballs: string[];

function npm(cwd: string, ...args: string[]): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tollgate-packed-'));
  tarballs = ['authz', 'router'].map((lib) => {
    const [packed] = JSON.parse(
      npm(join(workspaceRoot, 'libs', lib), 'pack', '--json', '--pack-destination', scratch),
    ) as [{ filename: string }];
    return join(scratch, packed.filename);
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// One program for both module systems; no top-level await, which CommonJS lacks.
const program = `
import { writeFileSync } from 'node:fs';
import { CachingKeyMapLoader, createAuthorizer, fileKeyMapSource } from '@tollgate/authz/authorizer';
import { ApiRouter, route, type ApiGatewayProxyEvent } from '@tollgate/router';

const silent = { info() {}, warn() {}, error() {} };
writeFileSync('api-keys.json', JSON.stringify({
  sk_test_packed_key: { companyId: 42, userId: 7, authorizedRequests: [
    { method: 'GET', path: '/items/{id}', queryParameters: [] },
  ] },
}));
const authorizer = createAuthorizer({
  keyMaps: new CachingKeyMapLoader({ source: fileKeyMapSource('api-keys.json'), logger: silent }),
  logger: silent,
});
const router = new ApiRouter([
  route({
    method: 'GET',
    path: '/items/{id}',
    version: '2025-03-01',
    handler: ({ params, event }) => ({
      status: 200,
      body: { id: params.id, companyId: event.requestContext.authorizer?.['companyId'] },
    }),
  }),
]);

async function main(): Promise<void> {
  const decision = await authorizer.authorize({
    methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/v1/GET/items/1',
    httpMethod: 'GET',
    path: '/items/1',
    headers: { 'X-Api-Key': 'sk_test_packed_key' },
  });
  const event: ApiGatewayProxyEvent = {
    httpMethod: 'GET',
    path: '/items/1',
    resource: '/items/{id}',
    headers: { 'X-Api-Version': '2025-03-01' },
    requestContext: { requestId: 'req-1', authorizer: { companyId: String(decision.context?.['companyId']) } },
  };
  const response = await router.handler(event);
  const version = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'x-api-version');
  console.log(JSON.stringify({
    principalId: decision.principalId,
    effect: decision.policyDocument.Statement[0]?.Effect,
    status: response.statusCode,
    body: JSON.parse(response.body) as unknown,
    version: version?.[1],
  }));
}
void main();
`;

const expected = {
  principalId: '42-7',
  effect: 'Allow',
  status: 200,
  body: { id: '1', companyId: '42' },
  version: '2025-03-01',
};

describe.each(['commonjs', 'module'] as const)(
  'a %s project installing the packed tarballs',
  (type) => {
    let dir: string;
    let compile: { status: number | null; diagnostics: string };

    beforeAll(() => {
      dir = join(scratch, type);
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: `scratch-${type}`, private: true, type }),
      );
      // offline: neither package has a required dependency
      npm(dir, 'install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs);
      writeFileSync(join(dir, 'main.ts'), program);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            strict: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            types: ['node'],
            typeRoots: [join(workspaceRoot, 'node_modules/@types')],
          },
          files: ['main.ts'],
        }),
      );
      const result = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
      compile = { status: result.status, diagnostics: `${result.stdout}${result.stderr}` };
    });

    it('type-checks against the shipped declarations and compiles', () => {
      expect(compile).toEqual({ status: 0, diagnostics: '' });
    });

    it('authorizes and routes one request with the installed packages', () => {
      const output = execFileSync(process.execPath, ['main.js'], { cwd: dir, encoding: 'utf8' });
      expect(JSON.parse(output.trim().split('\n').at(-1) ?? '')).toEqual(expected);
    });
  },
);
