import { App, type Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInfra } from '../build-infra.js';
import type { StackKind } from '../feature-sets.js';

export interface Synthesis {
  readonly assembly: CloudAssembly;
  readonly stacks: ReadonlyMap<StackKind, Stack>;
  /** Unsuppressed cdk-nag findings and construct warnings, one line each. */
  readonly findings: readonly string[];
}

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly violations: readonly {
      readonly ruleName: string;
      readonly severity: string;
      readonly violatingConstructs: readonly { readonly constructPath: string }[];
    }[];
  }[];
}

/**
 * Synthesizes the app in process, as `cdk synth` does with the same context. cdk-nag errors
 * throw (CDK's in-memory validation); warnings are returned as findings.
 */
export interface SynthesizeOptions {
  readonly outdir?: string;
  /**
   * CDK's built-in CloudFormation template validation (on for every real synth). Tests that only
   * inspect templates turn it off: loading it costs seconds per Jest test file.
   */
  readonly builtinValidation?: boolean;
}

export function synthesize(
  context: Record<string, unknown>,
  { outdir, builtinValidation = true }: SynthesizeOptions = {},
): Synthesis {
  const app = new App({
    context,
    analyticsReporting: false,
    builtinCloudFormationValidation: builtinValidation,
    ...(outdir === undefined ? {} : { outdir }),
  });
  const stacks = buildInfra(app);
  const assembly = app.synth();
  const report = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const findings = report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map(
        (construct) => `${violation.severity} ${violation.ruleName} at ${construct.constructPath}`,
      ),
    ),
  );
  return { assembly, stacks, findings };
}
