import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { hashedKeyName, usageIdentifierOf, usageIdentifierOfPlan } from '@tollgate/authz';
import { loadConfig, type PlatformConfig } from '@tollgate/platform-config';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  apiGatewayMock,
  FakeAws,
  secretsManagerMock,
  testClients,
} from './fake-aws.test-support.js';
import { runKeysCommand } from './keys-command.js';
import { awsClients } from './publish-command.js';

const dev = loadConfig('dev');
const SECRET = dev.secrets.apiKeys;
const DEFAULT = 'tollgate-dev-default';
const PARTNER = 'tollgate-dev-partner';

const alice = hashedKeyName('tg_test_alice');
const bob = hashedKeyName('tg_test_bob');
const carol = hashedKeyName('tg_test_carol');
const list = { method: 'GET', path: '/resources', queryParameters: ['cursor', 'limit'] };
const one = { method: 'GET', path: '/resources/{id}' };
const report = { method: 'GET', path: '/analytics/{reportId}' };

let dir: string;
let mapFile: string;
let aws: FakeAws;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keys-publish-'));
  mapFile = join(dir, 'keys.json');
  aws = new FakeAws();
  aws.addUsagePlan(DEFAULT);
  aws.addUsagePlan(PARTNER);
  aws.addUsagePlan('tollgate-prod-default');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

interface TestEntry {
  companyId: number;
  userId: number;
  plans?: string[];
  grants?: object[];
  expiresAt?: string;
}
const baseMap = (): {
  version: 2;
  plans: Record<string, object[]>;
  keys: Record<string, TestEntry>;
} => ({
  version: 2,
  plans: { reader: [list, one], partner: [report] },
  keys: {
    [alice]: { companyId: 42, userId: 7, plans: ['reader'] },
    [bob]: { companyId: 43, userId: 9, plans: ['reader', 'partner'] },
    [carol]: { companyId: 44, userId: 1, grants: [one] },
  },
});

async function writeMap(map: unknown): Promise<void> {
  await writeFile(mapFile, JSON.stringify(map, null, 2));
}

async function publish(
  options: { dryRun?: boolean; config?: (config: PlatformConfig) => PlatformConfig } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const argv = [
    'publish',
    '--env',
    'dev',
    '--map',
    mapFile,
    ...(options.dryRun ? ['--dry-run'] : []),
  ];
  const code = await runKeysCommand(
    argv,
    { out: (line) => out.push(line), err: (line) => err.push(line) },
    Date.now,
    {
      clients: testClients,
      loadConfig: (env) => (options.config ?? ((config) => config))(loadConfig(env)),
    },
  );
  return { code, out, err };
}

const sharded = (count: number) => (config: PlatformConfig) => ({ ...config, apiKeyShards: count });
const perPlan = (config: PlatformConfig): PlatformConfig => ({
  ...config,
  api: { ...config.api, usageIdentifiers: 'per-plan' },
});

describe('tollgate-keys publish', () => {
  it('first run: creates the secret, one API key per key (named and valued by its usage identifier) and attaches each to its plan', async () => {
    await writeMap(baseMap());
    const result = await publish();
    expect(result).toMatchObject({ code: 0, err: [] });

    expect(JSON.parse(aws.secrets.get(SECRET) ?? '')).toEqual({
      ...baseMap(),
      shard: { index: 0, count: 1 },
    });
    expect(aws.attachments()).toEqual({
      [DEFAULT]: [usageIdentifierOf(alice), usageIdentifierOf(carol)].sort(),
      [PARTNER]: [usageIdentifierOf(bob)],
      'tollgate-prod-default': [],
    });
    for (const key of aws.apiKeys.values()) {
      expect(key.value).toBe(key.name);
      expect(key.name).toMatch(/^tgu_[0-9a-f]{40}$/);
      expect(key.tags).toEqual({ 'tollgate:deployment': 'tollgate-dev' });
    }
    expect(secretsManagerMock.commandCalls(CreateSecretCommand)).toHaveLength(1);
    expect(result.out).toContain(`shard ${SECRET}: create`);
    expect(result.out).toContain(`create api key ${usageIdentifierOf(bob)}`);
    expect(result.out).toContain(`attach ${usageIdentifierOf(bob)} → ${PARTNER}`);
    expect(result.out.at(-1)).toBe(
      'published to dev: shards: 1 create, 0 update, 0 unchanged; API keys: 3 create, 0 enable, 0 delete; usage plan keys: 3 attach, 0 move, 0 detach',
    );
    // Only hashes and derived identifiers leave the machine or reach the output.
    expect(
      JSON.stringify([
        result,
        [...aws.secrets.values()],
        apiGatewayMock.calls().map((call) => call.args[0].input),
      ]),
    ).not.toContain('tg_test_');
  });

  it('second run: makes no write call', async () => {
    await writeMap(baseMap());
    expect((await publish()).code).toBe(0);
    aws.resetCalls();

    const again = await publish();
    expect(again.code).toBe(0);
    expect(aws.writes).toEqual([]);
    expect(again.out).toEqual([
      'published to dev: shards: 0 create, 0 update, 1 unchanged; API keys: 0 create, 0 enable, 0 delete; usage plan keys: 0 attach, 0 move, 0 detach',
    ]);
  });

  it('rewrites no shard whose content is the same in another key order and spacing', async () => {
    await writeMap(baseMap());
    const { keys, plans } = baseMap();
    aws.secrets.set(
      SECRET,
      JSON.stringify({ keys, shard: { count: 1, index: 0 }, plans, version: 2 }, null, 4),
    );
    expect((await publish({ dryRun: true })).out.at(-1)).toMatch(
      /^dry run for dev, nothing written: shards: 0 create, 0 update, 1 unchanged;/,
    );
  });

  it('a change to one key: only its shard is written and only its usage-plan key moves', async () => {
    await writeMap(baseMap());
    expect((await publish({ config: sharded(4) })).code).toBe(0);
    const before = new Map(aws.secrets);
    aws.resetCalls();

    const map = baseMap();
    map.keys[carol] = {
      companyId: 44,
      userId: 1,
      grants: [one],
      plans: ['partner'],
    };
    await writeMap(map);
    const result = await publish({ config: sharded(4) });
    expect(result.code).toBe(0);

    const changed = [...aws.secrets]
      .filter(([id, value]) => before.get(id) !== value)
      .map(([id]) => id);
    expect(changed).toHaveLength(1);
    expect(
      secretsManagerMock
        .commandCalls(PutSecretValueCommand)
        .map((call) => call.args[0].input.SecretId),
    ).toEqual(changed);
    expect(aws.writes).toEqual(['DeleteUsagePlanKey', 'CreateUsagePlanKey', 'PutSecretValue']);
    expect(aws.attachments()[PARTNER]).toEqual(
      [usageIdentifierOf(bob), usageIdentifierOf(carol)].sort(),
    );
    expect(result.out).toEqual([
      `shard ${changed[0]}: update`,
      `move ${usageIdentifierOf(carol)} ${DEFAULT} → ${PARTNER}`,
      'published to dev: shards: 0 create, 1 update, 3 unchanged; API keys: 0 create, 0 enable, 0 delete; usage plan keys: 0 attach, 1 move, 0 detach',
    ]);
  });

  it('--dry-run: makes no write call and prints only the changed shards and the usage-plan changes', async () => {
    await writeMap(baseMap());
    expect((await publish({ config: sharded(4) })).code).toBe(0);
    aws.resetCalls();

    const map = baseMap();
    delete map.keys[alice];
    await writeMap(map);
    const secretsBefore = new Map(aws.secrets);
    const result = await publish({ config: sharded(4), dryRun: true });
    expect(result.code).toBe(0);
    expect(aws.writes).toEqual([]);
    expect(aws.secrets).toEqual(secretsBefore);
    expect(result.out).toEqual([
      expect.stringMatching(new RegExp(`^shard ${SECRET}/shard-00[0-3]: update$`)),
      `detach ${usageIdentifierOf(alice)} from ${DEFAULT}`,
      `delete api key ${usageIdentifierOf(alice)}`,
      'dry run for dev, nothing written: shards: 0 create, 1 update, 3 unchanged; API keys: 0 create, 0 enable, 1 delete; usage plan keys: 0 attach, 0 move, 1 detach',
    ]);
  });

  it('a revoked key: its identifier is detached and deleted after the shard is written', async () => {
    await writeMap(baseMap());
    await publish();
    aws.resetCalls();
    const map = baseMap();
    delete map.keys[alice];
    await writeMap(map);
    expect((await publish()).code).toBe(0);
    expect(aws.writes).toEqual(['PutSecretValue', 'DeleteUsagePlanKey', 'DeleteApiKey']);
    expect([...aws.apiKeys.values()].map((key) => key.name)).not.toContain(
      usageIdentifierOf(alice),
    );
  });

  it('publishes a map with an expired key, with the check’s warning on stderr', async () => {
    const map = baseMap();
    map.keys[hashedKeyName('tg_test_old')] = {
      companyId: 42,
      userId: 7,
      plans: ['reader'],
      expiresAt: '2020-01-01T00:00:00.000Z',
    };
    await writeMap(map);
    const result = await publish();
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      `warning: ${SECRET}: 1 expired key(s) (unknown keys now; remove them)`,
    ]);
  });

  it('enables an identifier someone disabled', async () => {
    await writeMap(baseMap());
    await publish();
    const [disabled] = aws.apiKeys.values();
    if (disabled === undefined) throw new Error('no API key');
    disabled.enabled = false;
    aws.resetCalls();
    const result = await publish();
    expect(result.out[0]).toBe(`enable api key ${disabled.name}`);
    expect(aws.writes).toEqual(['UpdateApiKey']);
    expect(disabled.enabled).toBe(true);
  });

  it('never touches other API keys, and deletes no identifier another deployment created or still uses', async () => {
    const otherTeam = aws.addApiKey('partner-integration', 'a-real-secret-api-key-value', {}, [
      aws.planId(DEFAULT),
    ]);
    const prodOnly = aws.addApiKey(
      usageIdentifierOf(hashedKeyName('tg_test_prod')),
      'v1',
      { 'tollgate:deployment': 'tollgate-prod' },
      [aws.planId(DEFAULT)],
    );
    const shared = aws.addApiKey(
      usageIdentifierOf(hashedKeyName('tg_test_shared')),
      'v2',
      { 'tollgate:deployment': 'tollgate-dev' },
      [aws.planId('tollgate-prod-default')],
    );
    await writeMap(baseMap());
    const result = await publish();
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `detach ${usageIdentifierOf(hashedKeyName('tg_test_prod'))} from ${DEFAULT}`,
    );
    expect(aws.apiKeys.has(otherTeam)).toBe(true);
    expect(aws.apiKeys.has(prodOnly)).toBe(true);
    expect(aws.apiKeys.has(shared)).toBe(true);
    expect(aws.attachments()[DEFAULT]).toContain('partner-integration');
    expect(aws.attachments()['tollgate-prod-default']).toEqual([
      usageIdentifierOf(hashedKeyName('tg_test_shared')),
    ]);
    expect(JSON.stringify(result)).not.toContain('a-real-secret-api-key-value');
  });

  it('per-plan mode: one identifier per usage plan in use, in its plan', async () => {
    await writeMap(baseMap());
    const result = await publish({ config: perPlan });
    expect(result.code).toBe(0);
    expect(aws.attachments()).toEqual({
      [DEFAULT]: [usageIdentifierOfPlan('tollgate-dev', 'default')],
      [PARTNER]: [usageIdentifierOfPlan('tollgate-dev', 'partner')],
      'tollgate-prod-default': [],
    });
    aws.resetCalls();
    expect((await publish({ config: perPlan })).code).toBe(0);
    expect(aws.writes).toEqual([]);

    // No key in partner any more: its identifier goes; the default plan's stays.
    const map = baseMap();
    map.keys[bob] = { companyId: 43, userId: 9, plans: ['reader'] };
    map.plans = { reader: [list, one] };
    await writeMap(map);
    expect((await publish({ config: perPlan })).code).toBe(0);
    expect(aws.attachments()).toEqual({
      [DEFAULT]: [usageIdentifierOfPlan('tollgate-dev', 'default')],
      [PARTNER]: [],
      'tollgate-prod-default': [],
    });
  });

  it.each([
    [
      'fails lint',
      () => ({ ...baseMap(), plans: { ...baseMap().plans, unused: [one] } }),
      /^error: refused: .* fails lint with 1 finding\(s\), the first: plan unused: used by no key/,
    ],
    [
      'is invalid',
      () => ({ ...baseMap(), keys: { [alice]: { companyId: 42, userId: 7, plans: ['gone'] } } }),
      /^error: key map .*plan "gone" is not defined/,
    ],
  ])('refuses a map that %s: exit code 2, one line, no AWS call', async (_, map, message) => {
    await writeMap(map());
    const result = await publish();
    expect(result.code).toBe(2);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
    expect([...secretsManagerMock.calls(), ...apiGatewayMock.calls()]).toEqual([]);
  });

  it('refuses a map that does not fit the configured secrets, and an unknown environment', async () => {
    const keys = Object.fromEntries(
      Array.from({ length: 800 }, (_, index) => [
        hashedKeyName(`tg_test_${index}`),
        { companyId: index + 1, userId: index + 1, plans: ['reader'] },
      ]),
    );
    await writeMap({ version: 2, plans: { reader: [list] }, keys });
    const tooBig = await publish();
    expect(tooBig.code).toBe(2);
    expect(tooBig.err).toEqual([
      expect.stringMatching(
        /^error: refused: .*does not fit 1 shards.*set apiKeyShards in the dev config/,
      ),
    ]);

    const unknown = await runKeysCommand(['publish', '--env', 'nowhere', '--map', mapFile], {
      out: () => undefined,
      err: (line) => expect(line).toMatch(/^error: Unknown env "nowhere"/),
    });
    expect(unknown).toBe(2);
    expect([...secretsManagerMock.calls(), ...apiGatewayMock.calls()]).toEqual([]);
  });

  it('creates its AWS clients in the config’s region', async () => {
    await writeMap(baseMap());
    const regions: string[] = [];
    const clients = (region: string) => {
      regions.push(region);
      return testClients(region);
    };
    expect(
      await runKeysCommand(
        ['publish', '--env', 'dev', '--map', mapFile, '--dry-run'],
        { out: () => undefined, err: () => undefined },
        Date.now,
        { clients },
      ),
    ).toBe(0);
    expect(regions).toEqual([dev.region]);
    const real = awsClients('eu-central-1');
    expect([
      await real.secretsManager.config.region(),
      await real.apiGateway.config.region(),
    ]).toEqual(['eu-central-1', 'eu-central-1']);
  });

  it('fails with one line, exit code 1, when a usage plan is missing or an AWS call fails', async () => {
    await writeMap(baseMap());
    aws.usagePlans.splice(1, 1);
    const missing = await publish();
    expect(missing).toMatchObject({
      code: 1,
      err: [`error: usage plan ${PARTNER} not found: deploy the infra for this environment first`],
    });
    expect(aws.writes).toEqual([]);

    aws.addUsagePlan(PARTNER);
    secretsManagerMock.on(CreateSecretCommand).rejects(
      Object.assign(new Error('User is not authorized to perform CreateSecret'), {
        name: 'AccessDeniedException',
      }),
    );
    const denied = await publish();
    expect(denied).toMatchObject({
      code: 1,
      err: [
        `error: CreateSecret ${SECRET} failed: AccessDeniedException: User is not authorized to perform CreateSecret`,
      ],
    });
  });
});
