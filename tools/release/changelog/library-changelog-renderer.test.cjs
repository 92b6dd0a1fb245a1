// node --test tools/release (the release-tools `test` target)
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { after, before, test } = require('node:test');
const { commitsTouching } = require('./library-changelog-renderer.cjs');

let repo;
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
function commit(message, files) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', message);
  return git('rev-parse', '--short', 'HEAD');
}

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'commits-touching-'));
  git('init', '-q');
});
after(() => rmSync(repo, { recursive: true, force: true }));

test("a library's changelog keeps the commits changing it, also with workspace files, and no other", () => {
  const first = commit('feat(authz): first', { 'libs/authz/src/a.ts': '1' });
  const lockfile = commit('feat(analytics): with a lockfile change', { 'libs/analytics/x.ts': '1', 'package-lock.json': '{}' });
  const mixed = commit('feat(authz): with a lockfile change', { 'libs/authz/src/a.ts': '2', 'package-lock.json': '{"a":1}' });
  const deploy = commit('feat(deploy): workflows', { '.github/workflows/deploy.yml': 'x', 'nx.json': '{}' });
  const sibling = commit('fix(authz-tools): a sibling folder', { 'libs/authz-tools/b.ts': '1' });
  assert.deepEqual(commitsTouching([first, lockfile, mixed, deploy, sibling], 'libs/authz', repo), new Set([first, mixed]));
});
