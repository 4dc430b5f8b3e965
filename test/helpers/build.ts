// vitest globalSetup: the tests that spawn the CLI or the bot run the build in dist/, as production
// does (`npm start`, bin/gaibu-guard.js). Rebuilt here when a source or build setting is newer than
// the build (or a source was deleted), so a test never runs stale JavaScript; a fresh `npm ci` has
// just built it, so CI does not build twice.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(ROOT, 'dist/src/bot/main.js');

/** Newest modification time of the files and folders (a deletion touches its folder) under `dir`. */
function newest(dir: string): number {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function buildIsCurrent(): boolean {
  if (!existsSync(BUILT)) return false;
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'commands')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  return sources <= statSync(BUILT).mtimeMs;
}

export default function setup(): void {
  if (buildIsCurrent()) return;
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
}
