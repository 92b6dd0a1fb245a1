// node --test tools/release (the release-tools `test` target): what the release workflow promises.
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { test } = require('node:test');

const workflow = readFileSync(join(__dirname, '../../../.github/workflows/release.yml'), 'utf8');
const publishJob = workflow.slice(workflow.indexOf('\n  publish:'));
const stepAt = (text) => {
  const at = publishJob.indexOf(text);
  assert.notEqual(at, -1, `the publish job has a step running ${text}`);
  return at;
};

test('publishes through npm trusted publishing: an OIDC id-token, no long-lived token', () => {
  assert.match(publishJob, /\n {6}id-token: write/);
  assert.doesNotMatch(workflow, /NODE_AUTH_TOKEN|NPM_TOKEN|secrets\./);
  assert.match(publishJob, /registry-url: https:\/\/registry\.npmjs\.org/);
});

test('publishes with provenance', () => {
  assert.match(publishJob.slice(stepAt('npx nx release publish')), /NPM_CONFIG_PROVENANCE: 'true'/);
});

test('publishes only after CI and the pack-and-install test, and pushes tags only when publishing for real', () => {
  assert.match(publishJob, /needs: test/);
  assert.match(workflow, /uses: \.\/\.github\/workflows\/ci\.yml/);
  assert.ok(stepAt('npx nx release --skip-publish') < stepAt('-p authz release-tools'));
  assert.ok(stepAt('-p authz release-tools') < stepAt('git push --follow-tags'));
  assert.ok(stepAt('git push --follow-tags') < stepAt('npx nx release publish'));
  assert.match(publishJob, /if: \$\{\{ !inputs\.dry-run \}\}\n\s+run: git push --follow-tags/);
});

test('publishes both libraries, each package naming this repository (provenance checks it)', () => {
  const nx = JSON.parse(readFileSync(join(__dirname, '../../../nx.json'), 'utf8'));
  assert.deepEqual(nx.release.projects, ['authz', 'router']);
  for (const lib of ['authz', 'router']) {
    const manifest = JSON.parse(readFileSync(join(__dirname, `../../../libs/${lib}/package.json`), 'utf8'));
    assert.equal(manifest.repository.url, 'git+https://github.com/tollgate-dev/tollgate.git');
    assert.equal(manifest.repository.directory, `libs/${lib}`);
    assert.equal(manifest.publishConfig.access, 'public');
  }
});
