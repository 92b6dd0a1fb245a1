import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@tollgate/platform-config';
import { Deployment } from '../deployment.js';
import type { StackKind } from '../feature-sets.js';
import { readCdkJsonContext } from '../synth/cdk-json-context.js';
import { sampleImageTagContext } from '../synth/sample-image-tags.js';
import { synthesize, type Synthesis } from '../synth/synthesize.js';

/** Tests run as CommonJS under Jest, so `__dirname` locates cdk.json whatever the working directory. */
export const cdkJsonContext = readCdkJsonContext(resolve(__dirname, '../../cdk.json'));

export const deploymentOf = (envName: string) => new Deployment(envName, loadConfig(envName));

/** Context as the CLI would pass it: cdk.json's flags, the sample tags, then `overrides`. */
export function synthContext(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...cdkJsonContext, ...sampleImageTagContext('tollgate'), ...overrides };
}

export interface TestSynthesisOptions {
  /** Adds a sample tag for every image (default); off, the context holds only `overrides`. */
  readonly sampleTags?: boolean;
  /** CDK's built-in template validation: off by default here, on where a spec checks it. */
  readonly builtinValidation?: boolean;
}

export function synthesizeForTest(
  overrides: Record<string, unknown>,
  { sampleTags = true, builtinValidation = false }: TestSynthesisOptions = {},
): Synthesis {
  const context = sampleTags ? synthContext(overrides) : { ...cdkJsonContext, ...overrides };
  return synthesize(context, {
    outdir: mkdtempSync(join(tmpdir(), 'infra-test-')),
    builtinValidation,
  });
}

export function templateOf(synthesis: Synthesis, kind: StackKind): Template {
  const stack = synthesis.stacks.get(kind);
  if (!stack) throw new Error(`stack ${kind} was not synthesized`);
  return Template.fromJSON(synthesis.assembly.getStackByName(stack.stackName).template);
}

/** The single resource of a type in a template, as its Properties. */
export function onlyResource(template: Template, type: string): Record<string, unknown> {
  const resources = Object.values(template.findResources(type));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return (resources[0] as { Properties: Record<string, unknown> }).Properties;
}
