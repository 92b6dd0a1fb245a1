import { lambdaImages } from '@tollgate/domain-registry';
import { App, CfnResource, type Stack } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { buildInfra } from './build-infra.js';
import { loadConfig } from '@tollgate/platform-config';
import type { Synthesis } from './synth/synthesize.js';
import { synthContext, synthesizeForTest } from './testing/synth-fixture.test-support.js';

const envNames = ['dev', 'prod'] as const;
const synthesized = new Map<string, Synthesis>();

beforeAll(() => {
  for (const env of envNames) {
    synthesized.set(env, synthesizeForTest({ env, features: 'all' }, { builtinValidation: true }));
  }
});

const stacksOf = (env: string): CloudFormationStackArtifact[] =>
  synthesized.get(env)?.assembly.stacks ?? [];

interface ArnLiteral {
  readonly value: string;
  /** A piece of an `Fn::Join`, completed by references. */
  readonly joined: boolean;
}

function arnLiterals(node: unknown, joined = false): ArnLiteral[] {
  if (typeof node === 'string') return /arn:aws/.test(node) ? [{ value: node, joined }] : [];
  if (Array.isArray(node)) return node.flatMap((item) => arnLiterals(item, joined));
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) =>
      arnLiterals(value, joined || key === 'Fn::Join'),
    );
  }
  return [];
}

function importedNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(importedNames);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'Fn::ImportValue' && typeof value === 'string' ? [value] : importedNames(value),
  );
}

describe.each(envNames)('the %s templates', (env) => {
  it('hold no hard-coded ARN: only the configured certificate and the account root principal', () => {
    const { account, domain } = loadConfig(env);
    const literals = stacksOf(env).flatMap((stack) => arnLiterals(stack.template));
    const standalone = new Set(literals.filter((l) => !l.joined).map((l) => l.value));
    expect([...standalone].sort()).toEqual(
      [domain.certificateArn, `arn:aws:iam::${account}:root`].sort(),
    );
    // Inside a join, a literal is a prefix whose resource part comes from a reference.
    const fragments = literals.filter((l) => l.joined).map((l) => l.value);
    expect(fragments.filter((fragment) => !/[:/]$/.test(fragment))).toEqual([]);
  });

  it('import only what another stack exports, and depend on it', () => {
    const stacks = stacksOf(env);
    const exporters = new Map(
      stacks.flatMap((stack) =>
        Object.values(
          (stack.template as { Outputs?: Record<string, { Export?: { Name: string } }> }).Outputs ??
            {},
        ).flatMap((output) =>
          output.Export ? [[output.Export.Name, stack.stackName] as const] : [],
        ),
      ),
    );
    const imports = stacks.flatMap((stack) =>
      importedNames(stack.template).map((name) => ({ stack, name })),
    );
    expect(imports.length).toBeGreaterThan(0);
    for (const { stack, name } of imports) {
      const exporter = exporters.get(name);
      expect({ name, exporter }).toEqual({ name, exporter: expect.any(String) });
      expect(stack.dependencies.map((d) => d.id)).toContain(exporter);
    }
  });

  it('pass cdk-nag’s AwsSolutions checks, cfn-guard’s Control Tower rules and CloudFormation’s validator with no unsuppressed finding or warning', () => {
    expect(synthesized.get(env)?.findings).toEqual([]);
  });

  it('retain nothing a failed first create would leave behind: no plain Retain anywhere', () => {
    const policies = stacksOf(env).flatMap((stack) =>
      Object.entries(
        (stack.template as { Resources: Record<string, { Type: string; DeletionPolicy?: string }> })
          .Resources,
      ).map(([id, resource]) => ({ id, type: resource.Type, policy: resource.DeletionPolicy })),
    );
    expect(policies.filter(({ policy }) => policy === 'Retain')).toEqual([]);
    const named = policies.filter(({ type }) =>
      ['AWS::Logs::LogGroup', 'AWS::ECR::Repository'].includes(type),
    );
    expect(named.length).toBeGreaterThan(lambdaImages.length);
    for (const resource of named) {
      expect(resource).toEqual({ ...resource, policy: 'RetainExceptOnCreate' });
    }
  });

  it('are deterministic', () => {
    const again = synthesizeForTest({ env, features: 'all' }).assembly.stacks;
    expect(again.map((s) => s.template)).toEqual(stacksOf(env).map((s) => s.template));
  });
});

/** Synthesizes the alarms set with `addToStack` applied to its stack; returns what synth throws. */
function synthWithExtra(addToStack: (stack: Stack) => void): unknown {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const app = new App({ context: synthContext({ env: 'dev', features: 'alarms' }) });
    const alarms = buildInfra(app).get('alarms');
    if (!alarms) throw new Error('no alarms stack');
    addToStack(alarms);
    app.synth();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    errors.mockRestore();
  }
}

describe('checks on every synth', () => {
  it('cdk-nag: an unencrypted topic added to the app fails it', () => {
    expect(String(synthWithExtra((stack) => new Topic(stack, 'Unchecked')))).toMatch(
      /AwsSolutions-SNS3/,
    );
  });

  it('cfn-guard with the Control Tower rules: an unencrypted log group fails it', () => {
    expect(String(synthWithExtra((stack) => new LogGroup(stack, 'Unchecked')))).toMatch(
      /CT\.CLOUDWATCH\.PR\.3/,
    );
  });

  it('CloudFormation’s validator: a property the resource type does not have fails it', () => {
    const error = synthWithExtra((stack) => {
      new CfnResource(stack, 'Unchecked', {
        type: 'AWS::SNS::Topic',
        properties: { TopicNameTypo: 'tollgate' },
      });
    });
    expect(String(error)).toMatch(/TopicNameTypo/);
  });
});
