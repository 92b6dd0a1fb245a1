// Installs the `npm pack` tarball of @tollgate/authz into a scratch CommonJS project and a
// scratch ESM project (offline: the package has no required dependency) and runs one
// authorization in each, against the built output only. Run after `nx build authz`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const lib = resolve(process.cwd(), 'libs/authz');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch;
let tarball;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'authz-pack-'));
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: lib, encoding: 'utf8' }));
  tarball = join(scratch, packed.filename);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

function scratchProject(type, file, source) {
  const dir = join(scratch, type);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `scratch-${type}`, private: true, type }));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, stdio: 'pipe' });
  writeFileSync(join(dir, 'api-keys.json'), KEY_MAP);
  writeFileSync(join(dir, file), source);
  // Plain output whatever the runner's terminal: console.log colours numbers when FORCE_COLOR is set.
  const { FORCE_COLOR: _colour, ...env } = process.env;
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } }).trim();
}

const KEY_MAP = JSON.stringify({
  sk_test_e2e_key: {
    companyId: 42,
    userId: 7,
    authorizedRequests: [{ method: 'GET', path: '/resources/{id}', queryParameters: [] }],
  },
});

// The same program in both module systems: one Allow, one Deny, one unknown key, one sharded Allow.
const PROGRAM = `
const authorizer = createAuthorizer({
  keyMaps: new CachingKeyMapLoader({ source: fileKeyMapSource('api-keys.json'), logger: silent }),
  logger: silent,
});
const event = (path, key) => ({
  methodArn: 'arn:aws:execute-api:eu-west-1:1:api/prod/GET' + path,
  httpMethod: 'GET', path, headers: { 'x-api-key': key },
});
const allowed = await authorizer.authorize(event('/resources/1', 'sk_test_e2e_key'));
const denied = await authorizer.authorize(event('/other', 'sk_test_e2e_key'));
const unknown = await authorizer.authorize(event('/resources/1', 'nope')).catch((e) => e.message);
// A version-2 map, split by the shard tool and served from its shards.
const shards = shardKeyMap({ version: 2, plans: { read: [{ method: 'GET', path: '/resources/{id}' }] },
  keys: { [hashedKeyName('sk_test_e2e_key')]: { companyId: 42, userId: 8, plans: ['read'] } } }, { shards: 2 });
const sharded = createAuthorizer({ logger: silent, keyMaps: new ShardedKeyMapLoader({ shardCount: 2, logger: silent,
  sourceFor: (index) => ({ description: 'shard ' + index, load: async () => shards[index].json }) }) });
const viaShard = await sharded.authorize(event('/resources/1', 'sk_test_e2e_key'));
// The entries share one copy of the library: an error thrown through one entry is the class another exports.
const sameError = (() => { try { shardKeyMap({ version: 2, plans: {}, keys: { nope: {} } }); } catch (e) { return e instanceof KeyMapFormatError; } })();
console.log(JSON.stringify([allowed.principalId, allowed.policyDocument.Statement[0].Effect,
  denied.policyDocument.Statement[0].Effect, unknown, viaShard.principalId, sameError]));
`;
const silent = 'const silent = { info() {}, warn() {}, error() {} };';
const EXPECTED = JSON.stringify(['42-7', 'Allow', 'Deny', 'Unauthorized', '42-8', true]);

test('a CommonJS project can require the package and authorize', () => {
  const output = scratchProject(
    'commonjs',
    'main.js',
    `const { hashedKeyName, KeyMapFormatError } = require('@tollgate/authz');
const { createAuthorizer, CachingKeyMapLoader, fileKeyMapSource, ShardedKeyMapLoader } = require('@tollgate/authz/authorizer');
const { shardKeyMap } = require('@tollgate/authz/offline');
${silent}
(async () => {${PROGRAM}})();`,
  );
  assert.equal(output, EXPECTED);
});

test('an ESM project can import the package and authorize', () => {
  const output = scratchProject(
    'module',
    'main.js',
    `import { hashedKeyName, KeyMapFormatError } from '@tollgate/authz';
import { createAuthorizer, CachingKeyMapLoader, fileKeyMapSource, ShardedKeyMapLoader } from '@tollgate/authz/authorizer';
import { shardKeyMap } from '@tollgate/authz/offline';
${silent}
${PROGRAM}`,
  );
  assert.equal(output, EXPECTED);
});

test('the package has no runtime dependency', () => {
  const manifest = JSON.parse(readFileSync(join(lib, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined);
});

test('every README example runs as written and prints what its `// →` comments say', () => {
  const readme = readFileSync(join(lib, 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.ok(examples.length >= 3, 'README has an example per entry point');
  examples.forEach((example, index) => {
    const expected = [...example.matchAll(/\/\/ → (.*)$/gm)].map((match) => match[1].trim());
    assert.ok(expected.length > 0, `example ${index + 1} says what it prints`);
    const printed = scratchProject(`readme-${index}`, 'index.mjs', example)
      .split('\n')
      .filter((line) => !line.startsWith('{"level"'));
    assert.deepEqual(printed, expected, `README example ${index + 1}`);
  });
});
