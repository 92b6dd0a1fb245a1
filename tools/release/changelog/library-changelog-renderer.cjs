// nx release's changelog renderer (nx.json → release.changelog.projectChangelogs.renderer),
// listing in a library's CHANGELOG.md only the commits that change files of that library.
// Nx marks a commit that also touches a workspace file (package-lock.json, nx.json, a workflow)
// as affecting every project, so without this the authz changelog lists deploy and analytics
// commits. CommonJS: nx loads a JavaScript renderer with require().
const { execFileSync } = require('node:child_process');
const { readCachedProjectGraph } = require('@nx/devkit');
const { default: DefaultChangelogRenderer } = require('nx/release/changelog-renderer');

/**
 * The commits among `hashes` that change a file under `root` (a project's folder), by git's
 * own record of each commit's files.
 * @param {readonly string[]} hashes
 * @param {string} root
 * @param {string} [cwd]
 * @returns {Set<string>}
 */
function commitsTouching(hashes, root, cwd = process.cwd()) {
  const touching = new Set();
  for (const hash of hashes) {
    const files = execFileSync('git', ['diff-tree', '--no-commit-id', '--name-only', '-r', '--root', hash, '--', `${root}/`], {
      cwd,
      encoding: 'utf8',
    });
    if (files.trim() !== '') touching.add(hash);
  }
  return touching;
}

class LibraryChangelogRenderer extends DefaultChangelogRenderer {
  filterChanges(changes, project) {
    if (project === null) return changes;
    const root = readCachedProjectGraph().nodes[project]?.data.root;
    if (root === undefined) throw new Error(`release: unknown project ${project}`);
    const touching = commitsTouching(changes.flatMap((change) => (change.shortHash ? [change.shortHash] : [])), root);
    return changes.filter((change) => change.shortHash !== undefined && touching.has(change.shortHash));
  }
}

module.exports = LibraryChangelogRenderer;
module.exports.default = LibraryChangelogRenderer;
module.exports.commitsTouching = commitsTouching;
