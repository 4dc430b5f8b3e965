// The CLI's door to community statistics (arguments parsed in src/cli/main.ts):
//   check --record --db PATH [--guild NAME]   records each verdict exactly as the bot does
//   digest --db PATH [--week 2026-W47] [--guild NAME] [--format text|json] [--chart out.png]
import { existsSync, writeFileSync } from 'node:fs';
import { loadRules, RuleLoadError, type RuleSet } from '../detector/rules.ts';
import type { Report } from '../reply/report.ts';
import { readRulesCache } from '../start-cache.ts';
import { renderChartPng } from '../stats/chart.ts';
import { StatsConfigError } from '../stats/config.ts';
import { countTextEn } from '../stats/digest-copy.ts';
import { openStatsFromEnv } from '../stats/index.ts';
import type { StatsLogger } from '../stats/store.ts';
import { hourOf, isoWeekOf, isoWeeksInYear, isoWeekStartHour, lastCompleteWeek, WEEK_HOURS, weekRangeLabel, type IsoWeek } from '../stats/time.ts';
import { composeDigest } from '../stats/weekly.ts';

export interface CliRecorder {
  /** `text` is only fingerprinted in memory; see src/stats/fingerprint.ts. */
  record(report: Report, text: string, source?: 'cli' | 'cli_image'): void;
  /** Writes what is queued; returns what went wrong while recording, or null. */
  close(): string | null;
}

const note = (msg: string): void => void process.stderr.write(`gaibu-guard: ${msg}\n`);

/**
 * Problems go to stderr as one line each, without any message text. A failed write is kept (one
 * line at the end, and a non-zero exit); a generated key is announced with where it was written.
 */
function cliLogger(db: string): StatsLogger & { failure: () => string | null } {
  let failure: string | null = null;
  return {
    info: (event, fields) => {
      if (event === 'stats_secret_generated') {
        note(`generated a statistics key for ${db} in ${String(fields?.['file'])} (keep it safe and apart from the database's backups: without it the database's fingerprints and server keys cannot be matched again; STATS_SECRET sets your own)`);
      }
    },
    warn: (event, fields) => note(`warning: ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    error: (event, fields) => {
      if (event === 'stats_write_failed' || event === 'stats_record_failed') {
        const code = fields?.['code'] ?? fields?.['error'];
        failure ??= `the checks could not be recorded into ${db} (${event}${typeof code === 'string' ? `, ${code}` : ''})`;
        return;
      }
      note(`error: ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
    },
    failure: () => failure,
  };
}

function openOrExplain(db: string, rules: RuleSet, log: StatsLogger): ReturnType<typeof openStatsFromEnv> | string {
  try {
    return openStatsFromEnv({ rules, path: db, logger: log });
  } catch (e) {
    if (e instanceof StatsConfigError) return e.message;
    return `cannot open the statistics database ${db}: ${(e as Error).message}`;
  }
}

/** Records into `db` with the engine's own rules (loaded once per process). */
export function cliRecorder(db: string, guild: string | undefined, rules: RuleSet): CliRecorder | string {
  const log = cliLogger(db);
  const opened = openOrExplain(db, rules, log);
  if (typeof opened === 'string') return opened;
  const { stats } = opened;
  return {
    record(report: Report, text: string, source: 'cli' | 'cli_image' = 'cli'): void {
      stats.record(report, text, { source, guildId: guild ?? null, userId: null, at: new Date() });
    },
    close(): string | null {
      try {
        stats.close(); // writes what is still queued
      } catch (e) {
        return log.failure() ?? `the checks could not be recorded into ${db} (${(e as Error).message})`;
      }
      return log.failure();
    },
  };
}

export interface DigestArgs {
  db: string | undefined;
  week: string | undefined;
  guild: string | undefined;
  format: 'text' | 'json';
  chart: string | undefined;
}

/** A `--week` value: the ISO week it names, or why it names none. */
export function parseWeekArg(input: string, now: Date): { week: IsoWeek } | { error: string } {
  const m = /^(\d{4})-W(\d{1,2})$/.exec(input);
  if (!m) return { error: '--week must look like 2026-W47' };
  const year = Number(m[1]);
  const n = Number(m[2]);
  const weeks = isoWeeksInYear(year);
  if (n < 1 || n > weeks) return { error: `--week ${input} does not exist: ${year} has ${weeks} ISO weeks (${year}-W01 to ${year}-W${weeks})` };
  const week = `${year}-W${String(n).padStart(2, '0')}`;
  const current = isoWeekOf(now);
  if (week > current) return { error: `--week ${week} has not begun yet (this week is ${current})` };
  return { week };
}

/** `gaibu-guard digest`. Usage problems go through `usage` (exit 2); notes about the data to stderr. */
export async function runDigestCommand(a: DigestArgs, usage: (msg: string) => number, now: Date = new Date()): Promise<number> {
  if (!a.db) return usage('needs --db PATH');
  if (!existsSync(a.db)) {
    note(`no statistics database at ${a.db} (record some checks first: gaibu-guard check --record --db ${a.db})`);
    return 2;
  }
  let week: IsoWeek;
  if (a.week === undefined) week = lastCompleteWeek(now);
  else {
    const parsed = parseWeekArg(a.week, now);
    if ('error' in parsed) return usage(parsed.error);
    week = parsed.week;
  }

  let rules: RuleSet;
  try {
    rules = loadRules({ cache: readRulesCache() }); // the rules' wording only: no dictionary needed
  } catch (e) {
    if (e instanceof RuleLoadError) {
      note(e.message);
      return 1;
    }
    throw e;
  }
  const log = cliLogger(a.db);
  const opened = openOrExplain(a.db, rules, log);
  if (typeof opened === 'string') {
    note(opened);
    return 2;
  }
  const { stats } = opened;
  try {
    const guildKey = a.guild === undefined ? null : stats.guildKeyOf(a.guild);
    const digest = await composeDigest(stats, rules, week, guildKey, { chart: false, now, serverName: a.guild ?? null });
    const current = isoWeekOf(now);
    const countOf = (from: number, to: number): number => stats.counts(guildKey, from, to).total;
    const forGuild = a.guild === undefined ? '' : ` for --guild "${a.guild}"`;
    // Say which week this is, and what else there is to see.
    if (a.week === undefined) {
      const start = isoWeekStartHour(current);
      const soFar = countOf(start, start + WEEK_HOURS);
      note(`${week} (${weekRangeLabel(week)}) is the last complete week${soFar > 0 ? `; ${current} is in progress with ${countTextEn(soFar)} checks so far${forGuild} (--week ${current} shows it)` : ''}.`);
    } else if (week === current) {
      note(`${week} is still in progress: the counts are those so far.`);
    }
    if (digest.data.total === 0) {
      const ever = countOf(0, hourOf(now) + 1);
      let why = '';
      if (ever === 0 && a.guild !== undefined) why = ` No checks were ever recorded for --guild "${a.guild}" in this database (it must match the --guild NAME given to check --record).`;
      else if (ever === 0) why = ' The database has no checks yet.';
      note(`no checks recorded in ${week}${forGuild}.${why}`);
    }
    if (a.chart) {
      const png = await renderChartPng(digest.svg);
      if (png) writeFileSync(a.chart, png);
      else note('the chart could not be rendered here (Japanese font or renderer missing); the text has bars instead');
    }
    if (a.format === 'json') process.stdout.write(`${JSON.stringify(digest.data, null, 2)}\n`);
    else process.stdout.write(`${digest.text}\n`);
    return 0;
  } finally {
    stats.close();
  }
}
