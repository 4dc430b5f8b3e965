// The weekly digest schedule (croner, Asia/Tokyo, DIGEST_CRON; default Monday 09:00) and the daily
// retention run. Discord stays outside: posting is an injected function, and so is the clock.
//
// Exactly-once per server and week, as far as a chat post can be:
// - a run posts "the last complete week as of the latest scheduled time", so a restart at any
//   moment computes the same week, and a start after downtime finds the week it missed;
// - the week is claimed in the database (one conditional UPDATE) before posting, so neither a
//   restart nor a second process can post it again; a post that fails is not retried that week,
//   it is remembered: an admin is told on the next /stats, and /digest-admin status shows it
//   until a later post succeeds (or the channel is set again).
import { Cron } from 'croner';
import type { RuleSet } from '../detector/rules.ts';
import { DEFAULT_DIGEST_CRON } from './config.ts';
import { silentLogger, type CommunityStats, type DigestProblem, type DigestTarget, type StatsLogger } from './store.ts';
import { dueWeek as dueWeekOf, nextRuns as nextRunsOf } from './due.ts';
import { TIMEZONE, type IsoWeek } from './time.ts';
import { composeDigest, type DigestOutput } from './weekly.ts';

export type PostResult = { ok: true } | { ok: false; problem: DigestProblem };
/** Posts one digest to a server's channel (the bot gives a discord.js implementation). */
export type PostDigest = (target: DigestTarget, digest: DigestOutput) => Promise<PostResult>;

export const DEFAULT_MAINTENANCE_CRON = '30 4 * * *';

export interface SchedulerOptions {
  /**
   * The store, or a function returning the current one (the bot's guard may reopen it; a function
   * that throws while the database is unavailable makes that run log and skip).
   */
  stats: CommunityStats | (() => CommunityStats);
  rules: RuleSet;
  post: PostDigest;
  /** DIGEST_CRON, read in Asia/Tokyo. */
  cron?: string;
  /** When retention runs (daily, Asia/Tokyo). */
  maintenanceCron?: string;
  now?: () => Date;
  log?: StatsLogger;
  /** Render the PNG chart (tests may turn it off for speed). */
  chart?: boolean;
  /** The display name of the server a target's channel is in, where known (shown on server-scope digests). */
  serverName?: (target: DigestTarget) => string | null;
}

export interface TickResult {
  week: IsoWeek | null;
  posted: number;
  failed: number;
  skipped: number;
}

export interface DigestScheduler {
  /** The week that the latest scheduled run at or before `at` is for (null before the first run). */
  dueWeek(at: Date): IsoWeek | null;
  /** Posts the due week to every server that has not had it. Never throws. */
  tick(at?: Date): Promise<TickResult>;
  /** Runs retention, posts a week missed while down, then starts the timers. */
  start(): Promise<TickResult>;
  stop(): void;
  /** The next scheduled digest times (croner's own calculation). */
  nextRuns(n: number, from?: Date): Date[];
}

export function createDigestScheduler(opts: SchedulerOptions): DigestScheduler {
  const cron = opts.cron ?? DEFAULT_DIGEST_CRON;
  const now = opts.now ?? ((): Date => new Date());
  const log = opts.log ?? silentLogger;
  let jobs: Cron[] = [];
  let running: Promise<TickResult> | null = null;

  const dueWeek = (at: Date): IsoWeek | null => dueWeekOf(cron, at);

  const current = (): CommunityStats => (typeof opts.stats === 'function' ? opts.stats() : opts.stats);

  const runTick = async (at: Date): Promise<TickResult> => {
    const result: TickResult = { week: null, posted: 0, failed: 0, skipped: 0 };
    try {
      const stats = current();
      const week = dueWeek(at);
      result.week = week;
      if (!week) return result;
      const built = new Map<string, Promise<DigestOutput>>();
      for (const target of stats.digestTargets()) {
        if (target.lastWeek !== null && target.lastWeek >= week) continue;
        if (target.scope === 'server' && stats.isOptedOut(target.guildKey)) {
          result.skipped++;
          continue;
        }
        if (!stats.claimDigestWeek(target.guildKey, week)) {
          result.skipped++;
          continue;
        }
        const scopeKey = target.scope === 'all' ? null : target.guildKey;
        const cacheKey = scopeKey ?? '*';
        let digest = built.get(cacheKey);
        if (!digest) {
          const serverName = scopeKey === null ? null : (opts.serverName?.(target) ?? null);
          digest = composeDigest(stats, opts.rules, week, scopeKey, { chart: opts.chart ?? true, now: at, serverName });
          built.set(cacheKey, digest);
        }
        let outcome: PostResult;
        try {
          outcome = await opts.post(target, await digest);
        } catch (err) {
          log.error('digest_post_error', { error: err instanceof Error ? err.name : typeof err, week });
          outcome = { ok: false, problem: 'post_failed' };
        }
        if (outcome.ok) {
          result.posted++;
          stats.noteDigestPosted(target.guildKey, week);
          log.info('digest_posted', { week, scope: target.scope });
        } else {
          result.failed++;
          stats.noteDigestProblem(target.guildKey, week, outcome.problem);
          log.warn('digest_not_posted', { week, problem: outcome.problem });
        }
      }
    } catch (err) {
      log.error('digest_tick_failed', { error: err instanceof Error ? err.name : typeof err });
    }
    return result;
  };

  const tick = async (at: Date = now()): Promise<TickResult> => {
    // One tick at a time: a slow post must not let the next timer start the same week again.
    while (running) await running;
    running = runTick(at);
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const maintain = (): void => {
    try {
      const r = current().maintain(now());
      log.info('stats_retention', { ...r });
    } catch (err) {
      log.error('stats_retention_failed', { error: err instanceof Error ? err.name : typeof err });
    }
  };

  return {
    dueWeek,
    tick,
    async start(): Promise<TickResult> {
      maintain();
      const first = await tick(now());
      jobs = [
        new Cron(cron, { timezone: TIMEZONE, protect: true }, () => void tick(now())),
        new Cron(opts.maintenanceCron ?? DEFAULT_MAINTENANCE_CRON, { timezone: TIMEZONE, protect: true }, maintain),
      ];
      return first;
    },
    stop(): void {
      for (const j of jobs) j.stop();
      jobs = [];
    },
    nextRuns(n: number, from?: Date): Date[] {
      return nextRunsOf(cron, n, from ?? now());
    },
  };
}
