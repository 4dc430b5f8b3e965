// Crash consistency of the statistics database: a child process writing records the way the bot
// does is killed with SIGKILL mid-stream, three times over on the same file. Each time the file
// reopens, PRAGMA integrity_check is ok, and every row the writer had seen committed is there.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detector/rules.ts';
import { openStats } from '../../src/stats/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START = Date.parse('2030-01-07T00:00:00Z');
const HOUR_OF_START = Math.floor(START / 3_600_000);
const dir = mkdtempSync(join(tmpdir(), 'gaibu-guard-crash-'));
const dbPath = join(dir, 'stats.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the writer from `from`; once it has reported `from + 500` rows committed, kills it with
 * SIGKILL `afterMs` later (it keeps committing meanwhile). Returns the last count it reported.
 */
async function writeAndKill(from: number, afterMs: number): Promise<{ committed: number; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/hardening/stats-writer.ts', dbPath, String(from)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let committed = -1;
  let buf = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`writer never committed:\n${err}`)), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        const m = /^committed (\d+)$/.exec(l);
        if (!m) continue;
        const wasBelow = committed < from + 500;
        committed = Number(m[1]);
        if (wasBelow && committed >= from + 500) {
          clearTimeout(timer);
          setTimeout(() => child.kill('SIGKILL'), afterMs);
          resolve();
        }
      }
    });
    void exit.then(() => reject(new Error(`writer exited early:\n${err}`)));
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  const signal = await exit;
  return { committed, signal };
}

describe('statistics database after SIGKILL mid-stream', () => {
  let expected = 0;
  for (const [round, afterMs] of [[1, 0], [2, 7], [3, 23]] as const) {
    it(`round ${round}: integrity ok and every committed row present`, async () => {
      const { committed, signal } = await writeAndKill(expected, afterMs);
      expect(signal).toBe('SIGKILL');
      expect(committed).toBeGreaterThanOrEqual(expected + 500);

      const db = new Database(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const hours = new Set(db.prepare('SELECT hour FROM checks').pluck().all() as number[]);
      const total = Number(db.prepare('SELECT COUNT(*) FROM checks').pluck().get());
      db.close();
      for (let i = 0; i < committed; i++) expect(hours.has(HOUR_OF_START + i), `row ${i}`).toBe(true);
      // Nothing half-written either: the count is a whole number of batches of 25.
      expect(total).toBeGreaterThanOrEqual(committed);
      expect(total % 25).toBe(0);
      console.log(`crash round ${round}: reported committed ${committed}, present ${total}`);
      expected = total;

      // And the store itself opens it again (migrations, key check) and keeps counting from there.
      const stats = openStats({ path: dbPath, secret: 'crash-test-secret-0123456789abcdef0123456789', rules: loadRules() });
      const counts = stats.counts(null, HOUR_OF_START, HOUR_OF_START + total + 1);
      expect(counts.total).toBe(total);
      stats.close();
    }, 60_000);
  }
});
