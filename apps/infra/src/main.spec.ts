import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cdkJsonContext } from './testing/synth-fixture.test-support.js';

const projectRoot = resolve(__dirname, '..');

interface Run {
  readonly status: number;
  readonly stderr: string;
  readonly outdir: string;
}

/** Runs the CDK app the way the CDK CLI does: context and output directory in the environment. */
function runApp(context: Record<string, string>): Promise<Run> {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-main-'));
  const env = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJsonContext, ...context }),
  };
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      { cwd: projectRoot, env },
      (error, _stdout, stderr) => {
        done({ status: error ? Number(error.code) : 0, stderr, outdir });
      },
    );
  });
}

let oneLambda: Run;
let missingTag: Run;

beforeAll(async () => {
  [oneLambda, missingTag] = await Promise.all([
    runApp({
      env: 'prod',
      features: 'lambda-analytics',
      'imageTag.analytics': 'tollgate-analytics-1a2b3c4d',
    }),
    runApp({ env: 'prod', features: 'lambda-analytics' }),
  ]);
}, 60_000);

describe('the CDK app entry point', () => {
  it('synthesizes one Lambda’s stack given only that Lambda’s tag', () => {
    expect({ status: oneLambda.status, stderr: oneLambda.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    const manifest = JSON.parse(readFileSync(join(oneLambda.outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string }>;
    };
    const stacks = Object.entries(manifest.artifacts).filter(
      ([, a]) => a.type === 'aws:cloudformation:stack',
    );
    expect(stacks.map(([name]) => name)).toEqual(['tollgate-prod-lambda-analytics']);
  });

  it('fails a bad context with exit code 1 and one line naming the value', () => {
    expect(missingTag.status).toBe(1);
    expect(missingTag.stderr).toBe(
      'infra: Missing context imageTag.analytics: pass -c imageTag.analytics=tollgate-analytics-<git-sha>\n',
    );
  });
});
