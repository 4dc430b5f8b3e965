// The README's first run, `npm start` without a token, from a tree laid out like a fresh clone: no
// data/ folder, no .env, no database, no key. One pasted message must leave one row in
// data/gaibu-guard.db (the statistics are created on the first check, not skipped as unwritable).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Never part of a clone (or never to be shown to a child: a developer's .env may hold a token). */
const NOT_IN_A_CLONE = new Set(['.git', '.env', 'data', 'coverage', 'scratch']);

let tree: string;
beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'gaibu-guard-clone-'));
  // Everything else by symlink: the checkout's files, the installed node_modules and the build.
  for (const entry of readdirSync(ROOT)) if (!NOT_IN_A_CLONE.has(entry)) symlinkSync(join(ROOT, entry), join(tree, entry));
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function npmStart(cwd: string, input: string, keyFile: string): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('DISCORD_') || k === 'DATABASE_PATH' || k === 'STATS_SECRET' || k === 'LOG_LEVEL') delete env[k];
  // The generated key goes outside the database folder (by default into the user's configuration
  // folder); here into the temporary tree, so a test run never writes to the real home.
  env['STATS_SECRET_FILE'] = keyFile;
  return new Promise((resolve) => {
    const child = spawn('npm', ['start', '--silent'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

describe('first run from a fresh clone', () => {
  it('npm start with one pasted message creates data/ and records the check', async () => {
    expect(existsSync(join(tree, 'data'))).toBe(false);
    const keyFile = join(tree, 'config', 'stats-secret');
    const r = await npmStart(tree, '詳細はLINEでお伝えしますので、ID検索してください\n\n', keyFile);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('危険');
    expect(r.err).not.toContain('stats_unavailable');

    const dbFile = join(tree, 'data', 'gaibu-guard.db');
    expect(existsSync(dbFile)).toBe(true);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(tree, 'data', 'stats-secret'))).toBe(false);
  }, 60_000);
});
