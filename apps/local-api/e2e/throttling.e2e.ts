import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashedKeyName } from '@tollgate/authz';
import { gatewayFallbackBody, gatewayFallbackProblems } from '@tollgate/domain-registry';
import { demoResourceIds } from '@tollgate/domain-resources/dev';
import { type LocalApiProcess, startLocalApiProcess } from './local-api-process.js';

// API Gateway's usage plan throttles, enforced by `npm start` over real HTTP: the real authorizer
// bundle names the usage identifier, the local gateway keeps one token bucket per identifier.

const keys = {
  first: 'sk_test_throttling_default_1',
  second: 'sk_test_throttling_default_2',
  partner: 'sk_test_throttling_partner_1',
};
const dir = mkdtempSync(join(tmpdir(), 'throttling-e2e-'));
const map = join(dir, 'keys.json');
writeFileSync(
  map,
  JSON.stringify({
    version: 2,
    plans: { read: [{ method: 'GET', path: '/resources/{id}' }], partner: [] },
    keys: {
      [hashedKeyName(keys.first)]: { companyId: 42, userId: 1, plans: ['read'] },
      [hashedKeyName(keys.second)]: { companyId: 42, userId: 2, plans: ['read'] },
      [hashedKeyName(keys.partner)]: { companyId: 42, userId: 3, plans: ['read', 'partner'] },
    },
  }),
);

// A burst of 2 that refills one token in 1,000 s: however slow the machine, nothing refills
// between the requests of a test.
const barelyRefilling = { throttle: { rateLimit: 0.001, burstLimit: 2 } };
const limits = (usageIdentifiers: 'per-key' | 'per-plan') =>
  JSON.stringify({
    usagePlans: { default: barelyRefilling, partner: barelyRefilling },
    usageIdentifiers,
  });

async function startWith(usageIdentifiers: 'per-key' | 'per-plan'): Promise<LocalApiProcess> {
  return startLocalApiProcess({
    DATABASE_URL: undefined,
    API_KEYS_FILE: map,
    LOCAL_API_LIMITS: limits(usageIdentifiers),
  });
}

const get = (api: LocalApiProcess, apiKey: string) =>
  fetch(`${api.url}/resources/${demoResourceIds.acme}`, {
    headers: { 'X-Api-Key': apiKey, 'X-Api-Version': '2025-03-01' },
  });

async function statuses(api: LocalApiProcess, ...sent: string[]): Promise<number[]> {
  const answered: number[] = [];
  for (const key of sent) answered.push((await get(api, key)).status);
  return answered;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start enforces usage plan throttles, per key', () => {
  let api: LocalApiProcess | undefined;
  beforeAll(async () => {
    api = await startWith('per-key');
  }, 120_000);
  afterAll(() => api?.child.kill('SIGKILL'));

  it('answers the (burst + 1)-th rapid request of a key 429, as API Gateway’s THROTTLED', async () => {
    const local = api as LocalApiProcess;
    expect(await statuses(local, keys.first, keys.first)).toEqual([200, 200]);
    const throttled = await get(local, keys.first);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toBe('application/problem+json');
    expect(throttled.headers.has('retry-after')).toBe(false);
    expect(await throttled.json()).toEqual(
      gatewayFallbackBody(
        gatewayFallbackProblems.clientError,
        throttled.headers.get('x-amzn-requestid') ?? '',
        'Too Many Requests',
      ),
    );
    expect(await local.waitForLine('reason="usage plan throttle"')).toMatch(
      /^GET \/resources\/\S+ 429 \d+ms principal=42-1 key=[0-9a-f]{8} /,
    );
  });

  it('leaves another key of the same plan unaffected: it has its own identifier', async () => {
    expect(await statuses(api as LocalApiProcess, keys.second, keys.second, keys.second)).toEqual([
      200, 200, 429,
    ]);
  });
});

describe('npm start enforces usage plan throttles, per plan', () => {
  let api: LocalApiProcess | undefined;
  beforeAll(async () => {
    api = await startWith('per-plan');
  }, 120_000);
  afterAll(() => api?.child.kill('SIGKILL'));

  it('counts two keys of one usage plan in one bucket, and another plan’s keys apart', async () => {
    const local = api as LocalApiProcess;
    expect(await statuses(local, keys.first, keys.second, keys.first, keys.second)).toEqual([
      200, 200, 429, 429,
    ]);
    expect(await statuses(local, keys.partner, keys.partner, keys.partner)).toEqual([
      200, 200, 429,
    ]);
  });
});
