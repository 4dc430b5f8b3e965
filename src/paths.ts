// Where the project's own files are (rules/, commands/, test fixtures), for modules that run either
// from the sources (src/…, under tsx or vitest) or from the build (dist/src/…): the nearest folder
// above this file that holds package.json. Runtime data (the database) is elsewhere: DATABASE_PATH,
// relative to the working directory.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
