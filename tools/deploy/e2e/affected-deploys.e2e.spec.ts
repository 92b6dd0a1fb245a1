import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domains } from '@tollgate/domain-registry';
import { createScratchWorkspace, type ScratchWorkspace } from '@tollgate/scratch-workspace';

// `nx affected -t deploy` must redeploy exactly what a change touches. Each case commits one
// change in a scratch copy of this workspace and asks Nx which deploy targets HEAD~1..HEAD hits.
let workspace: ScratchWorkspace;

beforeAll(() => {
  workspace = createScratchWorkspace(process.cwd());
});
afterAll(() => workspace?.remove());

function deploysAffectedBy(file: string): string[] {
  workspace.commitChange(file);
  return workspace.affectedWithTarget('deploy');
}

describe('nx affected -t deploy', () => {
  it.each([
    ['libs/domain-analytics/src/index.ts', ['analytics-lambda']],
    ['libs/domain-resources/src/index.ts', ['resources-lambda']],
    ['libs/authz/src/index.ts', ['authorizer-lambda']],
    ['libs/router/src/index.ts', domains.map((domain) => domain.lambdaApp).sort()],
    ['apps/infra/src/feature-sets.ts', ['infra']],
    ['apps/resources-lambda/src/main.ts', ['resources-lambda']],
    ['tools/deploy/src/deploy-plan.ts', []],
  ])('a change in %s deploys %j', (file, expected) => {
    expect(deploysAffectedBy(file)).toEqual(expected);
  });

  it('with DEPLOY_DRY_RUN=1 and no flags (the README command) prints the commands for the affected app only and synthesizes its stack alone', () => {
    const sha = workspace.commitChange('libs/domain-resources/src/index.ts');
    // No --base/--head: nx.json's defaultBase (HEAD~1) makes the last commit "the change".
    const output = workspace.run(['npx', 'nx', 'affected', '-t', 'deploy'], { DEPLOY_DRY_RUN: '1' });

    const tag = `tollgate-resources-${sha}`;
    const uri = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/tollgate:${tag}`;
    expect(output).toContain(
      `[deploy resources-lambda]   docker build --platform linux/arm64 --provenance=false -f apps/resources-lambda/Dockerfile -t ${uri} .\n`,
    );
    expect(output).toContain(`[deploy resources-lambda]   docker push ${uri}\n`);
    expect(output).toContain(
      '[deploy resources-lambda]   (cd apps/infra && npx cdk deploy tollgate-dev-lambda-resources --exclusively ' +
        `--require-approval never -c env=dev -c features=lambda-resources -c imageTag.resources=${tag})\n`,
    );
    expect(output).toContain(
      '[deploy resources-lambda] dry run done: tollgate-dev-lambda-resources synthesizes',
    );
    expect(output).not.toMatch(/\[deploy (?!resources-lambda)/);
    // The real synth ran with this one tag only: the other Lambdas were not in the app at all.
    const template = readFileSync(
      join(workspace.dir, 'dist/apps/infra/cdk.out/tollgate-dev-lambda-resources.template.json'),
      'utf8',
    );
    expect(template).toContain(tag);
    expect(template).not.toMatch(/tollgate-(authorizer|analytics)-[0-9a-f]{40}/);
  });
});
