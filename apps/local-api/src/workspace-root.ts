import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The Nx workspace root (the directory holding nx.json) at or above `from`. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json at or above ${from}`);
  }
}
