// The statistics guard with the real SQLite store on a real file, and real faults: the file
// deleted, replaced by another (garbage) file, overwritten with garbage in place, locked by another
// process past the store's busy timeout, made read-only. Each time: recording is skipped with one
// log line for the incident, the store's queries say "unavailable" instead of failing, and
// recording resumes once the fault clears.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/log.ts';
import { createStatsGuard, StatsUnavailableError, type StatsGuard } from '../../src/bot/stats-guard.ts';
import type { Engine } from '../../src/engine.ts';
import type { Report } from '../../src/reply/report.ts';
import { openStats } from '../../src/stats/index.ts';
import { sharedEngine } from '../helpers/engine.ts';

const SECRET = 'guard-test-secret-0123456789abcdef0123456789';
let engine: Engine;
let report: Report;
let dir: string;
let n = 0;

beforeAll(async () => {
  engine = await sharedEngine();
  report = engine.analyse('詳細はLINEでお伝えしますので、ID: sample を追加してください。');
  dir = mkdtempSync(join(tmpdir(), 'gaibu-guard-guard-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Setup {
  guard: StatsGuard;
  path: string;
  logs: { event: string; level: string; reason?: string; code?: string; ms?: number }[];
  record(k?: number): number;
  rows(): number;
}

const guards: StatsGuard[] = [];
afterEach(() => {
  for (const g of guards.splice(0)) g.close();
});

function setup(): Setup {
  const path = join(dir, `stats-${++n}.db`);
  const logs: Setup['logs'] = [];
  const log = createLogger('debug', (line) => logs.push(JSON.parse(line) as Setup['logs'][number]));
  const guard = createStatsGuard({
    path,
    log,
    recoveryMs: 3_600_000, // the tests call check() themselves
    open: (logger) => openStats({ path, secret: SECRET, rules: engine.detector.rules, logger, flushMs: 5 }),
  });
  guards.push(guard);
  return {
    guard,
    path,
    logs,
    record(k = 1) {
      let recorded = 0;
      for (let i = 0; i < k; i++) if (guard.record(report, `message ${i}`, { source: 'dm', guildId: null, userId: `u${i}`, at: new Date() })) recorded++;
      return recorded;
    },
    rows() {
      if (!existsSync(path)) return 0;
      const db = new Database(path, { readonly: true, fileMustExist: true });
      try {
        return Number(db.prepare('SELECT COUNT(*) FROM checks').pluck().get());
      } finally {
        db.close();
      }
    },
  };
}

const events = (s: Setup, e: string) => s.logs.filter((l) => l.event === e);
/** Incident lines only: the store's own failure lines must have been folded into them. */
const incidentLines = (s: Setup) => s.logs.filter((l) => /^stats_(unavailable|write_failed|record_failed)$/.test(l.event));

function expectUnavailable(s: Setup): void {
  expect(s.guard.available).toBe(false);
  expect(() => s.guard.community.counts(null, 0, 1)).toThrow(StatsUnavailableError);
}

describe('statistics guard: database faults at runtime', () => {
  it('records normally when the file is healthy', () => {
    const s = setup();
    expect(s.record(3)).toBe(3);
    s.guard.community.flush();
    expect(s.rows()).toBe(3);
    s.guard.check();
    expect(s.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('deleted: logs one incident, starts a new file, and keeps recording there', () => {
    const s = setup();
    s.record(2);
    s.guard.community.flush();
    for (const f of [s.path, `${s.path}-wal`, `${s.path}-shm`]) if (existsSync(f)) unlinkSync(f);
    s.guard.check();
    expect(events(s, 'stats_unavailable')).toMatchObject([{ reason: 'file_deleted' }]);
    expect(events(s, 'stats_recovered')).toHaveLength(1);
    expect(s.record(4)).toBe(4);
    s.guard.community.flush();
    expect(s.rows()).toBe(4);
  });

  it('replaced by a garbage file: skips recording with one log line, resumes when a database is back', () => {
    const s = setup();
    s.record(2);
    s.guard.community.flush();
    // Another file moved over the database (its old -wal and -shm go too: with them SQLite would
    // still read the old pages from the WAL and nothing would be wrong).
    const garbage = `${s.path}.garbage`;
    writeFileSync(garbage, Buffer.alloc(16_384, 0x41));
    for (const f of [`${s.path}-wal`, `${s.path}-shm`]) if (existsSync(f)) unlinkSync(f);
    renameSync(garbage, s.path);
    s.guard.check();
    expect(events(s, 'stats_unavailable')).toMatchObject([{ reason: 'file_replaced' }]);
    for (let k = 0; k < 5; k++) {
      expect(s.record(10)).toBe(0); // checks go on; nothing is recorded
      s.guard.check(); // the reopen fails: SQLITE_NOTADB, the same incident
    }
    expectUnavailable(s);
    expect(incidentLines(s)).toHaveLength(1);
    // The fault clears: the garbage is moved away.
    unlinkSync(s.path);
    s.guard.check();
    expect(events(s, 'stats_recovered')).toHaveLength(1);
    expect(s.guard.available).toBe(true);
    expect(s.record(3)).toBe(3);
    expect(s.guard.community.counts(null, 0, 10_000_000).total).toBe(3);
  });

  it('garbage written into the file in place: one log line, then resumes once the file is usable', () => {
    const s = setup();
    s.record(5);
    s.guard.community.flush();
    const db = new Database(s.path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = statSync(s.path).size;
    const fd = openSync(s.path, 'r+');
    writeSync(fd, Buffer.alloc(size, 0x42), 0, size, 0);
    closeSync(fd);
    for (let k = 0; k < 5; k++) expect(s.record(10)).toBe(0);
    s.guard.check();
    expect(events(s, 'stats_unavailable')).toMatchObject([{ reason: 'corrupt', code: 'SQLITE_NOTADB' }]);
    expect(incidentLines(s)).toHaveLength(1);
    expectUnavailable(s);
    for (const f of [s.path, `${s.path}-wal`, `${s.path}-shm`]) if (existsSync(f)) unlinkSync(f);
    s.guard.check();
    expect(s.guard.available).toBe(true);
    expect(s.record(2)).toBe(2);
  });

  it('locked by another process past the busy timeout: one log line, no further waits, resumes with the queued rows', async () => {
    const s = setup();
    s.record(1);
    s.guard.community.flush();
    const locker = await lock(s.path);
    try {
      s.record(3); // queued in the store
      const t0 = performance.now();
      s.guard.community.flush(); // the store waits out its busy timeout once, then reports SQLITE_BUSY
      const firstWaitMs = performance.now() - t0;
      expect(events(s, 'stats_unavailable')).toMatchObject([{ reason: 'locked', code: 'SQLITE_BUSY' }]);
      // From now on nothing reaches the store: no more waits on the bot's thread.
      const t1 = performance.now();
      expect(s.record(50)).toBe(0);
      s.guard.check(); // still locked: probed without waiting
      expect(performance.now() - t1).toBeLessThan(500);
      expectUnavailable(s);
      expect(incidentLines(s)).toHaveLength(1);
      console.log(`locked: the store's first write waited ${Math.round(firstWaitMs)} ms (busy_timeout) before the guard took over`);
    } finally {
      await unlock(locker);
    }
    s.guard.check();
    expect(events(s, 'stats_recovered')).toHaveLength(1);
    expect(s.rows()).toBe(4); // the 3 rows queued before the incident were written, none lost
    expect(s.record(2)).toBe(2);
  }, 20_000);

  it('made read-only: one log line, recording skipped, resumes when writable again', (ctx) => {
    const s = setup();
    s.record(2);
    s.guard.community.flush();
    const ro = makeReadOnly(s.path);
    if (!ro) {
      ctx.skip(); // neither chmod (root ignores it) nor chattr +i is available here
      return;
    }
    try {
      s.guard.check();
      expect(events(s, 'stats_unavailable')).toMatchObject([{ reason: 'read_only' }]);
      expect(s.record(10)).toBe(0);
      s.guard.check();
      expectUnavailable(s);
      expect(incidentLines(s)).toHaveLength(1);
    } finally {
      ro.restore();
    }
    s.guard.check();
    expect(events(s, 'stats_recovered')).toHaveLength(1);
    expect(s.record(3)).toBe(3);
    s.guard.community.flush();
    expect(s.rows()).toBe(5);
  });

  it('records from the first check when the database folder does not exist yet (a fresh clone has no data/)', () => {
    const path = join(dir, `fresh-${++n}`, 'data', 'gaibu-guard.db');
    const logs: string[] = [];
    const guard = createStatsGuard({
      path,
      log: createLogger('debug', (l) => logs.push(l)),
      recoveryMs: 3_600_000,
      open: (logger) => openStats({ path, secret: SECRET, rules: engine.detector.rules, logger, flushMs: 5 }),
    });
    guards.push(guard);
    expect(guard.available).toBe(true);
    expect(guard.record(report, 'x', { source: 'console', guildId: null, userId: null, at: new Date() })).not.toBeNull();
    guard.community.flush();
    expect(guard.community.counts(null, 0, 10_000_000).total).toBe(1);
    expect(existsSync(path)).toBe(true);
    expect(logs.filter((l) => l.includes('"stats_unavailable"'))).toEqual([]);
  });

  it('starts without statistics when the file is unusable at startup, and picks them up later', () => {
    const path = join(dir, `stats-${++n}.db`);
    writeFileSync(path, Buffer.alloc(8192, 0x43));
    const logs: string[] = [];
    const guard = createStatsGuard({
      path,
      log: createLogger('debug', (l) => logs.push(l)),
      recoveryMs: 3_600_000,
      open: (logger) => openStats({ path, secret: SECRET, rules: engine.detector.rules, logger }),
    });
    guards.push(guard);
    expect(guard.available).toBe(false);
    expect(guard.record(report, 'x', { source: 'dm', guildId: null, userId: null, at: new Date() })).toBeNull();
    unlinkSync(path);
    guard.check();
    expect(guard.available).toBe(true);
    expect(logs.filter((l) => l.includes('"stats_unavailable"'))).toHaveLength(1);
  });
});

/** Another process takes the write lock (BEGIN EXCLUSIVE) and holds it until told to stop. */
async function lock(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path)});d.exec('BEGIN EXCLUSIVE');console.log('locked');process.stdin.on('data',()=>{d.exec('COMMIT');d.close();process.exit(0)})`],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return child;
}
async function unlock(child: ChildProcess): Promise<void> {
  child.stdin?.write('x');
  await new Promise((r) => child.once('exit', r));
}

/** Makes the file read-only in a way this process cannot ignore; null when impossible here. */
function makeReadOnly(path: string): { restore(): void } | null {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    return { restore: () => chmodSync(path, 0o644) };
  }
  // Root ignores permission bits; an immutable file is read-only even for root (ext4, xfs, …).
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    return { restore: () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' }) };
  } catch {
    return null;
  }
}
