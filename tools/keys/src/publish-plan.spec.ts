import {
  describePublishPlan,
  MissingUsagePlanError,
  planPublish,
  type ObservedState,
} from './publish-plan.js';
import type { PublishTarget } from './publish-target.js';

const id = (char: string) => `tgu_${char.repeat(40)}`;
const target = (
  identifiers: Record<string, string>,
  shards: PublishTarget['shards'] = [],
): PublishTarget => ({
  shards,
  identifiers: new Map(Object.entries(identifiers)),
  usagePlans: ['d-default', 'd-gold'],
  deployment: 'd',
});
const observed = (overrides: Partial<ObservedState> = {}): ObservedState => ({
  secrets: new Map(),
  usagePlans: new Map([
    ['d-default', 'p1'],
    ['d-gold', 'p2'],
  ]),
  apiKeys: [],
  planKeys: new Map(),
  ...overrides,
});

describe('planPublish', () => {
  it('compares shards by content: create when missing, update when different, unchanged despite key order and spacing', () => {
    const shards = [
      { secretId: 's/shard-000', json: '{"version":2,"plans":{},"keys":{}}', keys: 0 },
      { secretId: 's/shard-001', json: '{"version":2,"plans":{"a":[]},"keys":{}}', keys: 0 },
      { secretId: 's/shard-002', json: '{"version":2,"plans":{},"keys":{}}', keys: 0 },
      { secretId: 's/shard-003', json: '{"version":2,"plans":{},"keys":{}}', keys: 0 },
    ];
    const secrets = new Map<string, string | undefined>([
      ['s/shard-000', '{ "keys": {}, "plans": {}, "version": 2 }'],
      ['s/shard-001', '{"version":2,"plans":{"b":[]},"keys":{}}'],
      ['s/shard-002', undefined],
      ['s/shard-003', 'not json'],
    ]);
    const plan = planPublish(target({}, shards), observed({ secrets }));
    expect(plan.shards.map((shard) => shard.action)).toEqual([
      'unchanged',
      'update',
      'create',
      'update',
    ]);
  });

  it('creates and attaches a new identifier, attaches an unattached one, leaves one in its plan alone', () => {
    const plan = planPublish(
      target({ [id('a')]: 'd-default', [id('b')]: 'd-gold', [id('c')]: 'd-default' }),
      observed({
        apiKeys: [
          { id: 'kb', name: id('b'), enabled: true, ownDeployment: true },
          { id: 'kc', name: id('c'), enabled: true, ownDeployment: true },
        ],
        planKeys: new Map([['p1', ['kc']]]),
      }),
    );
    expect(plan.register).toEqual([
      { kind: 'create-api-key', identifier: id('a') },
      { kind: 'attach', identifier: id('a'), apiKeyId: undefined, plan: 'd-default', planId: 'p1' },
      { kind: 'attach', identifier: id('b'), apiKeyId: 'kb', plan: 'd-gold', planId: 'p2' },
    ]);
    expect(plan.retire).toEqual([]);
  });

  it('enables a disabled identifier, wherever it is attached', () => {
    const plan = planPublish(
      target({ [id('a')]: 'd-default' }),
      observed({
        apiKeys: [{ id: 'ka', name: id('a'), enabled: false, ownDeployment: true }],
        planKeys: new Map([['p1', ['ka']]]),
      }),
    );
    expect(plan.register).toEqual([
      { kind: 'enable-api-key', identifier: id('a'), apiKeyId: 'ka' },
    ]);
    expect(describePublishPlan(plan, 'dev', true)[0]).toBe(`enable api key ${id('a')}`);
  });

  it('moves an identifier in the wrong plan, and detaches it from an extra plan', () => {
    const plan = planPublish(
      target({ [id('a')]: 'd-gold', [id('b')]: 'd-default' }),
      observed({
        apiKeys: [
          { id: 'ka', name: id('a'), enabled: true, ownDeployment: true },
          { id: 'kb', name: id('b'), enabled: true, ownDeployment: true },
        ],
        planKeys: new Map([
          ['p1', ['ka', 'kb']],
          ['p2', ['kb']],
        ]),
      }),
    );
    expect(plan.register).toEqual([
      {
        kind: 'move',
        identifier: id('a'),
        apiKeyId: 'ka',
        from: [{ plan: 'd-default', planId: 'p1' }],
        plan: 'd-gold',
        planId: 'p2',
      },
      { kind: 'detach', identifier: id('b'), apiKeyId: 'kb', plan: 'd-gold', planId: 'p2' },
    ]);
  });

  it('retires unused identifiers: detached from this deployment’s plans, deleted only when its own and in no other plan', () => {
    const plan = planPublish(
      target({}),
      observed({
        apiKeys: [
          { id: 'k1', name: id('1'), enabled: true, ownDeployment: true, inOtherPlans: false },
          { id: 'k2', name: id('2'), enabled: true, ownDeployment: false, inOtherPlans: false },
          { id: 'k3', name: id('3'), enabled: true, ownDeployment: true, inOtherPlans: true },
          {
            id: 'k4',
            name: 'tgu_not-an-identifier',
            enabled: true,
            ownDeployment: true,
            inOtherPlans: false,
          },
        ],
        planKeys: new Map([
          ['p1', ['k1', 'k2', 'k4']],
          ['p-elsewhere', ['k3']],
        ]),
      }),
    );
    expect(plan.register).toEqual([]);
    expect(plan.retire).toEqual([
      { kind: 'detach', identifier: id('1'), apiKeyId: 'k1', plan: 'd-default', planId: 'p1' },
      { kind: 'delete-api-key', identifier: id('1'), apiKeyId: 'k1' },
      { kind: 'detach', identifier: id('2'), apiKeyId: 'k2', plan: 'd-default', planId: 'p1' },
    ]);
  });

  it('throws when a plan an identifier needs does not exist', () => {
    const missing = observed({ usagePlans: new Map([['d-default', 'p1']]) });
    expect(() => planPublish(target({ [id('a')]: 'd-gold' }), missing)).toThrow(
      new MissingUsagePlanError(
        'usage plan d-gold not found: deploy the infra for this environment first',
      ),
    );
  });
});

describe('describePublishPlan', () => {
  it('lists the changed shards and every usage-plan change, then a summary', () => {
    const plan = planPublish(
      target({ [id('a')]: 'd-gold', [id('n')]: 'd-default' }, [
        { secretId: 's', json: '{}', keys: 0 },
        { secretId: 't', json: '{}', keys: 0 },
      ]),
      observed({
        secrets: new Map([
          ['s', '{}'],
          ['t', '[]'],
        ]),
        apiKeys: [
          { id: 'ka', name: id('a'), enabled: true, ownDeployment: true },
          { id: 'kz', name: id('e'), enabled: true, ownDeployment: true, inOtherPlans: false },
        ],
        planKeys: new Map([['p1', ['ka', 'kz']]]),
      }),
    );
    expect(describePublishPlan(plan, 'dev', true)).toEqual([
      'shard t: update',
      `move ${id('a')} d-default → d-gold`,
      `create api key ${id('n')}`,
      `attach ${id('n')} → d-default`,
      `detach ${id('e')} from d-default`,
      `delete api key ${id('e')}`,
      'dry run for dev, nothing written: shards: 0 create, 1 update, 1 unchanged; API keys: 1 create, 0 enable, 1 delete; usage plan keys: 1 attach, 1 move, 1 detach',
    ]);
  });
});
