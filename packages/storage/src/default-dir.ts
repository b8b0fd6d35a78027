import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root (where pnpm-workspace.yaml is), found from src/ and dist/ alike; else the working directory. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/**
 * Where the API and the worker keep files unless told otherwise (`GONGZHI_FILES_DIR`): one
 * default for both, since the worker stores what the API serves.
 */
export function defaultFilesDir(): string {
  return join(findRepoRoot(), '.data', 'files');
}
