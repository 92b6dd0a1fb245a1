// Runs the BUILT bundle (dist/apps/authorizer-lambda/index.js, from `nx build authorizer-lambda`,
// which this project's test target depends on) the way Lambda loads it, with only API_KEYS_FILE set.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Handler = (event: object) => Promise<{ principalId: string; policyDocument: { Statement: Array<{ Effect: string }> }; context?: object }>;

const KEY = 'sk_live_bundle_test_key_0000000001';
const dir = mkdtempSync(join(tmpdir(), 'authorizer-bundle-'));
const keysFile = join(dir, 'api-keys.json');
writeFileSync(
  keysFile,
  JSON.stringify({
    [`sha256:${createHash('sha256').update(KEY).digest('hex')}`]: {
      companyId: 42,
      userId: 7,
      authorizedRequests: [{ method: 'GET', path: '/resources', queryParameters: ['limit'] }],
    },
  }),
);

const event = (path: string, headers: Record<string, string>, query: Record<string, string> | null = null) => ({
  type: 'REQUEST',
  methodArn: `arn:aws:execute-api:eu-west-1:123456789012:api/prod/GET${path}`,
  resource: path,
  path,
  httpMethod: 'GET',
  headers,
  multiValueHeaders: {},
  queryStringParameters: query,
  multiValueQueryStringParameters: null,
  requestContext: { requestId: 'bundle-1' },
});

describe('the built authorizer bundle, with only API_KEYS_FILE set', () => {
  let handler: Handler;
  const logLines: string[] = [];
  const saved = { ...process.env };

  beforeAll(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('API_KEYS_') || name.startsWith('AUTHORIZER_')) delete process.env[name];
    process.env['API_KEYS_FILE'] = keysFile;
    // The runtime kit's logger writes one JSON line per entry to stdout.
    jest.spyOn(process.stdout, 'write').mockImplementation((line) => logLines.push(String(line).trimEnd()) > 0);
    ({ handler } = require(resolve(__dirname, '../../../dist/apps/authorizer-lambda/index.js')) as { handler: Handler });
  });

  afterAll(() => {
    jest.restoreAllMocks();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('allows a granted request with the caller in the context', async () => {
    await expect(handler(event('/resources', { 'x-api-key': KEY }, { limit: '5' }))).resolves.toMatchObject({
      principalId: '42-7',
      policyDocument: { Statement: [{ Effect: 'Allow' }] },
      context: { companyId: 42, userId: 7 },
    });
  });

  it('denies an ungranted query parameter', async () => {
    const result = await handler(event('/resources', { 'X-Api-Key': KEY }, { debug: '1' }));
    expect(result.policyDocument.Statement[0]?.Effect).toBe('Deny');
  });

  it('answers 401 (exactly "Unauthorized") for a missing or unknown key', async () => {
    await expect(handler(event('/resources', {}))).rejects.toThrow(new Error('Unauthorized'));
    await expect(handler(event('/resources', { 'X-Api-Key': 'sk_live_unknown_key' }))).rejects.toThrow(new Error('Unauthorized'));
  });

  it('logs JSON lines with a key fingerprint and never the key', () => {
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ message: 'key map loaded', keys: 1, level: 'INFO', service: 'authorizer-lambda' }));
    expect(lines).toContainEqual(expect.objectContaining({ message: 'unauthorized', reason: 'unknown-key', keyFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) }));
    expect(logLines.join('\n')).not.toContain(KEY);
    expect(logLines.join('\n')).not.toContain('sk_live_unknown_key');
  });
});
