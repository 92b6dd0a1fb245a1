// `nx g @tollgate/nx-plugin:domain <name> --version=<YYYY-MM-DD>`: a new domain on PostgreSQL,
// ready for lint, test, build, synth and `npm start` with no further command. Plain CommonJS:
// Nx loads it without a TypeScript loader.
const { existsSync, mkdirSync, symlinkSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { formatFiles, generateFiles, names } = require('@nx/devkit');

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const REGISTRY = 'libs/domain-registry/src/domains.ts';
const REGISTRY_MARKER = '  // New domains are appended here';
const SERVED_PATHS = 'libs/domain-registry/src/served-paths.ts';
const ENVIRONMENTS = 'libs/platform-config/src/environments';
const DEMO_KEYS = 'apps/local-api/demo-keys.json';
const LOCAL_DOMAINS = 'apps/local-api/src/local-domains.ts';
/** The demo company whose key gets the new domain's grants (the banner's full key). */
const DEMO_COMPANY = 42;
/** Memory and timeout of a new domain's Lambda in every environment; tune them there. */
const LAMBDA_SETTINGS = '{ memorySize: 1024, timeoutSeconds: 10 }';

/**
 * The `--version` given. Nx's CLI keeps `--version` for itself and hands generators `false`, so
 * the value is read from the command line in that case.
 */
function requestedVersion(option, argv = process.argv) {
  if (typeof option === 'string') return option;
  for (const [i, arg] of argv.entries()) {
    if (arg.startsWith('--version=')) return arg.slice('--version='.length);
    if (arg === '--version' && argv[i + 1] && !argv[i + 1].startsWith('-')) return argv[i + 1];
  }
  return undefined;
}

/** Whether `name` can be a variable (the local API imports the domain under it). */
function isIdentifier(name) {
  try {
    new Function(`"use strict"; let ${name};`);
    return true;
  } catch {
    return false;
  }
}

/** Validated options and every name the templates use. */
function domainNames(tree, options) {
  const name = options.name;
  if (!NAME.test(name ?? '')) {
    throw new Error(
      `domain name must be lower-case words joined by "-" (e.g. orders), got ${name}`,
    );
  }
  const version = requestedVersion(options.version) ?? new Date().toISOString().slice(0, 10);
  const date = new Date(`${version}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(version) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== version
  ) {
    throw new Error(`--version must be a date, YYYY-MM-DD, got ${version}`);
  }
  const { className, propertyName } = names(name);
  if (!isIdentifier(propertyName)) {
    throw new Error(`domain name ${name} is a reserved word in TypeScript; pick another`);
  }
  const result = {
    name,
    version,
    className,
    propertyName,
    tableName: name.replaceAll('-', '_'),
    libRoot: `libs/domain-${name}`,
    appRoot: `apps/${name}-lambda`,
    libProject: `domain-${name}`,
    appProject: `${name}-lambda`,
    demoCompany: String(DEMO_COMPANY),
  };
  const registry = tree.read(REGISTRY, 'utf-8') ?? '';
  for (const taken of [result.libRoot, result.appRoot]) {
    // A project is its package.json (build output alone, like out-tsc/, does not count).
    if (tree.exists(`${taken}/package.json`)) throw new Error(`${taken} already exists`);
  }
  if (registry.includes(`name: '${name}'`) || registry.includes(`'/${name}'`)) {
    throw new Error(`the registry already has a domain ${name} or the base path /${name}`);
  }
  return result;
}

function edit(tree, file, change) {
  const before = tree.read(file, 'utf-8');
  if (before === null) throw new Error(`${file} is missing`);
  const after = change(before);
  if (after === before)
    throw new Error(`${file}: found nothing to change (was it edited by hand?)`);
  tree.write(file, after);
}

function addRegistryEntry(tree, d) {
  edit(tree, REGISTRY, (text) => {
    if (!text.includes(REGISTRY_MARKER)) throw new Error(`${REGISTRY}: marker comment not found`);
    const entry = [
      '  {',
      `    name: '${d.name}',`,
      `    lambdaApp: '${d.appProject}',`,
      `    imageName: '${d.name}',`,
      `    basePaths: ['/${d.name}'],`,
      `    apiResources: ['/${d.name}', '/${d.name}/{proxy+}'],`,
      '    runtime: postgresContract,',
      `    routeTableModule: '@tollgate/${d.libProject}/route-table',`,
      '  },',
      '',
    ].join('\n');
    return text.replace(REGISTRY_MARKER, `${entry}${REGISTRY_MARKER}`);
  });
}

/**
 * The new routes' templates join the registry's served paths (sorted, as
 * `npx nx run openapi:served-paths` writes them), so the authorizer knows them at once.
 */
function addServedPaths(tree, d) {
  edit(tree, SERVED_PATHS, (text) => {
    const list = /(= \[\n)((?: {2}'.*',\n)*)(\];)/;
    if (!list.test(text)) throw new Error(`${SERVED_PATHS}: served path list not found`);
    return text.replace(list, (_, open, lines, close) => {
      const paths = new Set(lines.split('\n').filter(Boolean));
      for (const path of [`/${d.name}`, `/${d.name}/{id}`]) paths.add(`  '${path}',`);
      const sorted = [...paths].sort((a, b) => (a.slice(3, -2) < b.slice(3, -2) ? -1 : 1));
      return `${open}${sorted.join('\n')}\n${close}`;
    });
  });
}

function addLambdaSettings(tree, d) {
  for (const file of tree.children(ENVIRONMENTS).filter((f) => f.endsWith('.ts'))) {
    // The new entry goes last in the `lambdas: { … }` block.
    edit(tree, `${ENVIRONMENTS}/${file}`, (text) =>
      text.replace(/^( *)lambdas: \{\n(?:.*\n)*?\1\},?\n/m, (block, indent) =>
        block.replace(/(\n)( *\},?\n)$/, `$1${indent}  ${d.propertyName}: ${LAMBDA_SETTINGS},\n$2`),
      ),
    );
  }
}

/** Company 42's demo key may call both routes; the file keeps one grant per line. */
function addDemoGrants(tree, d) {
  const keys = JSON.parse(tree.read(DEMO_KEYS, 'utf-8'));
  const grants = [
    { method: 'GET', path: `/${d.name}`, queryParameters: ['limit', 'cursor'] },
    { method: 'GET', path: `/${d.name}/{id}`, queryParameters: [] },
  ];
  let granted = false;
  for (const key of Object.values(keys)) {
    if (key.companyId === DEMO_COMPANY) {
      key.authorizedRequests.push(...grants);
      granted = true;
    }
  }
  if (!granted) throw new Error(`${DEMO_KEYS}: no key of company ${DEMO_COMPANY}`);
  const json = JSON.stringify(keys, null, 2).replace(
    /\{\n\s+"method": ("[^"]*"),\n\s+"path": ("[^"]*"),\n\s+"queryParameters": \[([^\]]*)\]\n\s+\}/g,
    (_, method, path, params) =>
      `{ "method": ${method}, "path": ${path}, "queryParameters": [${params
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .join(', ')}] }`,
  );
  tree.write(DEMO_KEYS, `${json}\n`);
}

function addLocalDomain(tree, d) {
  edit(tree, LOCAL_DOMAINS, (text) => {
    const imports = [...text.matchAll(/^import .*;\n/gm)];
    const last = imports.at(-1);
    if (!last) throw new Error(`${LOCAL_DOMAINS}: no import found`);
    const at = last.index + last[0].length;
    const withImport = `${text.slice(0, at)}import * as ${d.propertyName} from '@tollgate/domain-${d.name}/dev';\n${text.slice(at)}`;
    return withImport.replace(
      /(export const localDomains: readonly LocalDomain\[\] = \[)([^\]]*)(\]);/,
      (_, open, list, close) =>
        `${open}${[list.trim().replace(/,$/, ''), d.propertyName].filter(Boolean).join(', ')}${close};`,
    );
  });
}

function addJson(tree, file, change) {
  const json = JSON.parse(tree.read(file, 'utf-8'));
  change(json);
  tree.write(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** What `npm install` and `nx sync` would change, written directly so no command is needed. */
function addWorkspaceLinks(tree, d) {
  addJson(tree, 'apps/local-api/package.json', (pkg) => {
    pkg.dependencies = sorted({ ...pkg.dependencies, [`@tollgate/domain-${d.name}`]: '*' });
  });
  addJson(tree, 'apps/local-api/tsconfig.app.json', (tsconfig) => {
    tsconfig.references = [
      ...(tsconfig.references ?? []),
      { path: `../../${d.libRoot}/tsconfig.lib.json` },
    ];
  });
  addJson(tree, 'tsconfig.json', (tsconfig) => {
    tsconfig.references = [
      ...(tsconfig.references ?? []),
      { path: `./${d.libRoot}` },
      { path: `./${d.appRoot}` },
    ];
  });
  addJson(tree, 'package-lock.json', (lock) => {
    const packages = { ...lock.packages };
    for (const root of [d.libRoot, d.appRoot]) {
      const pkg = JSON.parse(tree.read(`${root}/package.json`, 'utf-8'));
      packages[root] = { name: pkg.name, version: pkg.version, dependencies: pkg.dependencies };
      packages[`node_modules/${pkg.name}`] = { resolved: root, link: true };
    }
    packages['apps/local-api'] = {
      ...packages['apps/local-api'],
      dependencies: JSON.parse(tree.read('apps/local-api/package.json', 'utf-8')).dependencies,
    };
    const { '': root, ...rest } = packages;
    lock.packages = { '': root, ...sorted(rest) };
  });
}

/** Keys in npm's own order (locale-aware), so that the lockfile reads as `npm install` writes it. */
function sorted(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en')));
}

/** The links `npm install` makes for a workspace package (run after the files are written). */
function linkPackages(root, d) {
  for (const dir of [d.libRoot, d.appRoot]) {
    const pkg = require(join(root, dir, 'package.json'));
    const link = join(root, 'node_modules', pkg.name);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(root, dir)), link);
  }
}

async function domainGenerator(tree, options) {
  const d = domainNames(tree, options);
  const templateOptions = { ...d, tmpl: '' };
  generateFiles(tree, join(__dirname, 'files/lib'), d.libRoot, templateOptions);
  generateFiles(tree, join(__dirname, 'files/app'), d.appRoot, templateOptions);
  addRegistryEntry(tree, d);
  addServedPaths(tree, d);
  addLambdaSettings(tree, d);
  addDemoGrants(tree, d);
  addLocalDomain(tree, d);
  addWorkspaceLinks(tree, d);
  await formatFiles(tree);
  return () => linkPackages(tree.root, d);
}

module.exports = domainGenerator;
module.exports.default = domainGenerator;
module.exports.requestedVersion = requestedVersion;
