// Community statistics as the bot uses them: the SQLite store (src/stats/) behind a guard that keeps
// the bot answering whatever happens to the database file.
//
// Faults it handles, each as one incident with one log line (`stats_unavailable`, with a reason
// and SQLite's code) and one when it ends (`stats_recovered`, with how long it lasted):
//   - locked by another process: records are skipped (not handed to the store, whose write would
//     wait out its busy timeout on the bot's only thread); a probe with no wait checks the lock
//     every `recoveryMs`; once free, the store's queued rows are written and recording resumes;
//   - made read-only, deleted, or replaced (another file, garbage) at the path: the store is
//     closed and reopened every `recoveryMs` once the path is writable again (a deleted file is
//     simply created anew), so recording resumes where the file now is;
//   - garbage written into the file itself, or any other write error the store reports: the same.
// Checks are answered throughout: `record()` returns null while recording is off (the reply then
// shows no "seen N times"), and `community` throws StatsUnavailableError instead of touching the
// database, which the router turns into "statistics are unavailable right now" (src/bot/events.ts).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Report } from '../reply/report.ts';
import type { CommunityStats, StatsLogger } from '../stats/index.ts';
import type { RecordMeta, RecordResult, StatsPort } from '../stats/port.ts';
import type { LogFields, Logger } from './log.ts';

/** Thrown by `community` while the database is unavailable; the user is told so, nothing crashes. */
export class StatsUnavailableError extends Error {
  constructor(readonly reason: StatsFaultReason) {
    super('statistics database unavailable');
    this.name = 'StatsUnavailableError';
  }
}

export const STATS_FAULT_REASONS = ['locked', 'read_only', 'file_deleted', 'file_replaced', 'corrupt', 'open_failed', 'write_failed'] as const;
export type StatsFaultReason = (typeof STATS_FAULT_REASONS)[number];

export interface StatsGuardOptions {
  /** The database file (config DATABASE_PATH). */
  path: string;
  /** Opens the store at `path`, logging through `logger` (src/stats/index.ts: openStatsFromEnv). */
  open(logger: StatsLogger): CommunityStats;
  log: Logger;
  /** How often a healthy file is looked at and a faulty one retried (config STATS_RECOVERY_SECONDS). */
  recoveryMs?: number;
}

export interface StatsGuard extends StatsPort {
  /** The store's queries; throws StatsUnavailableError while the database is unavailable. */
  readonly community: CommunityStats;
  /** False during an incident. */
  readonly available: boolean;
  /** One health check now (the timer calls it every `recoveryMs`). */
  check(): void;
}

export const DEFAULT_RECOVERY_MS = 10_000;

interface FileId {
  dev: number;
  ino: number;
}

function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(code: string | undefined): StatsFaultReason {
  if (!code) return 'write_failed';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'open_failed';
  return 'write_failed';
}

/** The closest ancestor folder of `file` that exists (the root at worst). */
function nearestExistingFolder(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!existsSync(dir)) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

const isStatsFailure = (event: string): boolean => event === 'stats_write_failed' || event === 'stats_record_failed';

export function createStatsGuard(opts: StatsGuardOptions): StatsGuard {
  const { log } = opts;
  const file = opts.path;
  const recoveryMs = opts.recoveryMs ?? DEFAULT_RECOVERY_MS;
  let store: CommunityStats | null = null;
  let opened: FileId | null = null;
  let incident: { reason: StatsFaultReason; since: number } | null = null;
  let closed = false;

  const fileId = (): FileId | null => {
    try {
      const s = statSync(file);
      return { dev: s.dev, ino: s.ino };
    } catch {
      return null;
    }
  };

  /**
   * Can the file be written, or, before it exists, created? The store creates the missing folders
   * (a fresh clone has no data/), so what must be writable is the nearest folder that exists.
   * access(2) also sees read-only mounts and immutable files.
   */
  const writable = (): boolean => {
    try {
      accessSync(fileId() ? file : nearestExistingFolder(file), constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };

  const begin = (reason: StatsFaultReason, code?: string): void => {
    if (incident) return; // the same incident: already logged
    incident = { reason, since: Date.now() };
    log.error('stats_unavailable', { reason, code, detail: 'checks are answered; recording is skipped until the database is usable again' });
  };

  const end = (): void => {
    if (!incident) return;
    log.info('stats_recovered', { reason: incident.reason, ms: Date.now() - incident.since });
    incident = null;
  };

  const closeStore = (): void => {
    const s = store;
    store = null;
    opened = null;
    if (!s) return;
    try {
      s.close();
    } catch {
      // Closing a broken handle may fail; it is released either way.
    }
  };

  // The store's own failure lines become the guard's incident line (one per incident, not two).
  const storeLog: StatsLogger = {
    info: (event, fields) => {
      if (event === 'stats_write_recovered') end();
      else log.info(event, fields as LogFields);
    },
    warn: (event, fields) => log.warn(event, fields as LogFields),
    error: (event, fields) => {
      if (!isStatsFailure(event)) {
        log.error(event, fields as LogFields);
        return;
      }
      const code = typeof fields?.['code'] === 'string' ? fields['code'] : undefined;
      const reason = reasonOf(code);
      begin(reason, code);
      // A lock passes by itself: keep the store (and its queued rows) and wait. Anything else
      // means the handle is no good: drop it and reopen when the file is usable.
      if (reason !== 'locked') closeStore();
    },
  };

  const tryOpen = (): void => {
    if (closed || store) return;
    if (!writable()) {
      begin('read_only', 'EACCES');
      return;
    }
    try {
      store = opts.open(storeLog);
      opened = fileId();
      end();
    } catch (err) {
      if ((err as Error | null)?.name === 'StatsConfigError') throw err; // a setting, not a fault: fail loudly
      const code = sqliteCode(err);
      begin(reasonOf(code) === 'write_failed' ? 'open_failed' : reasonOf(code), code);
      closeStore();
    }
  };

  /** True while another connection holds the write lock (checked without waiting). */
  const stillLocked = (): boolean => {
    let probe: Database.Database | null = null;
    try {
      probe = new Database(file, { timeout: 0, fileMustExist: true });
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return false;
    } catch (err) {
      return reasonOf(sqliteCode(err)) === 'locked';
    } finally {
      probe?.close();
    }
  };

  const check = (): void => {
    if (closed) return;
    if (store && incident?.reason === 'locked') {
      if (stillLocked()) return;
      store.flush(); // the queued rows; success ends the incident (stats_write_recovered)
      end(); // nothing was queued: the lock is gone all the same
      return;
    }
    if (store) {
      const now = fileId();
      if (!now) {
        begin('file_deleted');
        closeStore();
      } else if (opened && (now.dev !== opened.dev || now.ino !== opened.ino)) {
        begin('file_replaced');
        closeStore();
      } else if (!writable()) {
        begin('read_only', 'EACCES');
        closeStore();
        return;
      } else {
        return; // healthy
      }
    }
    tryOpen();
  };

  tryOpen();
  const timer = setInterval(check, recoveryMs);
  timer.unref();

  const community = new Proxy({} as CommunityStats, {
    get(_target, prop): unknown {
      const s = store;
      if (!s || incident) throw new StatsUnavailableError(incident?.reason ?? 'open_failed');
      const value: unknown = Reflect.get(s, prop);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(s, args);
        } catch (err) {
          const code = sqliteCode(err);
          if (!code?.startsWith('SQLITE_')) throw err;
          storeLog.error('stats_record_failed', { code });
          throw new StatsUnavailableError(reasonOf(code));
        }
      };
    },
  });

  return {
    community,
    get available() {
      return store !== null && incident === null;
    },
    record(report: Report, text: string, meta: RecordMeta): RecordResult | null {
      if (!store || incident) return null; // recording skipped; the incident is logged once
      return store.record(report, text, meta);
    },
    check,
    close() {
      if (closed) return;
      clearInterval(timer);
      closeStore();
      closed = true;
    },
  };
}
