import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

// The folders of src/, each importing only the folders listed for it (and itself): layers that
// only import downward. The entry points are the top: `index.ts` (the core), `authorizer/index.ts`
// and `offline/index.ts`. `testing/` is test support: specs may import it, nothing else may.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  logging: [],
  grants: [],
  'key-map': ['grants'],
  decision: ['grants', 'key-map'],
  policy: ['grants', 'key-map', 'decision'],
  sources: ['key-map'],
  loader: ['logging', 'grants', 'key-map', 'sources'],
  authorizer: ['logging', 'key-map', 'decision', 'policy', 'sources', 'loader'],
  offline: ['grants', 'key-map', 'decision'],
  '.': ['grants', 'key-map', 'decision', 'policy'],
};

interface Edge {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const folderOf = (file: string) => {
  const path = relative(__dirname, file);
  return path.includes(sep) ? (path.split(sep)[0] ?? '.') : '.';
};

/** Every relative import (and re-export) of the library's own files, as folder → folder. */
function importEdges(): Edge[] {
  return sourceFiles(__dirname)
    .filter((file) => !file.endsWith('.spec.ts'))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '(\.{1,2}\/[^']+)'/gms)].map((match) => ({
        file: relative(__dirname, file),
        from: folderOf(file),
        to: folderOf(join(dirname(file), match[1] ?? '')),
      })),
    );
}

function cycle(edges: readonly Edge[]): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to));
  const visit = (node: string, path: string[]): string[] | undefined => {
    if (path.includes(node)) return [...path.slice(path.indexOf(node)), node];
    for (const to of next.get(node) ?? []) {
      const found = visit(to, [...path, node]);
      if (found) return found;
    }
    return undefined;
  };
  for (const node of next.keys()) {
    const found = visit(node, []);
    if (found) return found;
  }
  return undefined;
}

describe('the source layout', () => {
  const edges = importEdges();

  it('reads the imports (the check is not vacuous)', () => {
    expect(edges.length).toBeGreaterThan(50);
    expect(edges).toContainEqual({ file: join('loader', 'caching-key-map-loader.ts'), from: 'loader', to: 'key-map' });
  });

  it('has every folder in a layer', () => {
    const folders = new Set(edges.flatMap(({ from, to }) => [from, to]));
    expect([...folders].filter((folder) => folder !== 'testing' && !(folder in ALLOWED))).toEqual([]);
  });

  it('imports only downward: each folder from the folders below it', () => {
    const upward = edges.filter(({ from, to }) => from !== 'testing' && from !== to && !ALLOWED[from]?.includes(to));
    expect(upward).toEqual([]);
  });

  it('keeps test support out of the library', () => {
    expect(edges.filter(({ from, to }) => to === 'testing' && from !== 'testing')).toEqual([]);
  });

  it('has no folder-level import cycle', () => {
    expect(cycle(edges)).toBeUndefined();
    // The check finds one when there is one.
    expect(cycle([...edges, { file: 'x', from: 'grants', to: 'loader' }])).toEqual(['grants', 'loader', 'grants']);
  });
});
