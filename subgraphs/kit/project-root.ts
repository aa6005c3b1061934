import { existsSync } from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/**
 * The project's root folder (where package.json is), the same whether the code runs from
 * TypeScript sources (tests) or from compiled `dist/`: data files and committed schema files
 * are read from the source tree, never copied into `dist/`.
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  root = dir;
  return root;
}
