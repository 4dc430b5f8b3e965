// The CLI's door to community statistics (docs/cli-contract.md):
//   check --record --db PATH [--guild NAME]   records each verdict exactly as the bot does
//   digest --db PATH [--week 2026-W47] [--guild NAME] [--format text|json] [--chart out.png]
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadRules, RuleLoadError } from '../detector/rules.ts';
import type { Report } from '../reply/report.ts';
import { renderChartPng } from '../stats/chart.ts';
import { StatsConfigError } from '../stats/config.ts';
import { openStatsFromEnv } from '../stats/index.ts';
import type { StatsLogger } from '../stats/store.ts';
import { IsoWeekSchema, isoWeekStartHour, lastCompleteWeek } from '../stats/time.ts';
import { composeDigest } from '../stats/weekly.ts';

export interface CliRecorder {
  /** `text` is only fingerprinted in memory; see src/stats/fingerprint.ts. */
  record(report: Report, text: string, source?: 'cli' | 'cli_image'): void;
  close(): void;
}

/** Problems go to stderr as one line each, without any message text. */
const stderrLogger: StatsLogger = {
  info: () => undefined,
  warn: (event, fields) => process.stderr.write(`gaibu-guard: warning: ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`),
  error: (event, fields) => process.stderr.write(`gaibu-guard: error: ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`),
};

function openOrExplain(db: string): ReturnType<typeof openStatsFromEnv> | string {
  try {
    return openStatsFromEnv({ rules: loadRules(), path: db, logger: stderrLogger });
  } catch (e) {
    if (e instanceof StatsConfigError || e instanceof RuleLoadError) return e.message;
    return `cannot open the statistics database ${db}: ${(e as Error).message}`;
  }
}

export async function cliRecorder(db: string, guild: string | undefined): Promise<CliRecorder | string> {
  const opened = openOrExplain(db);
  if (typeof opened === 'string') return opened;
  const { stats } = opened;
  return {
    record(report: Report, text: string, source: 'cli' | 'cli_image' = 'cli'): void {
      stats.record(report, text, { source, guildId: guild ?? null, userId: null, at: new Date() });
    },
    close(): void {
      stats.close();
    },
  };
}

const FormatSchema = z.enum(['text', 'json']);

export async function runDigestCommand(args: string[], now: Date = new Date()): Promise<number> {
  const fail = (msg: string): number => {
    process.stderr.write(`gaibu-guard: ${msg}\n`);
    return 2;
  };
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        week: { type: 'string' },
        guild: { type: 'string' },
        format: { type: 'string', default: 'text' },
        chart: { type: 'string' },
      },
    }));
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!values.db) return fail('digest needs --db PATH');
  if (!existsSync(values.db)) return fail(`no statistics database at ${values.db} (record some checks first: check --record --db ${values.db})`);
  const format = FormatSchema.safeParse(values.format);
  if (!format.success) return fail('--format must be text or json');
  const week = values.week ?? lastCompleteWeek(now);
  const weekOk = IsoWeekSchema.safeParse(week);
  if (!weekOk.success) return fail('--week must look like 2026-W47');
  try {
    isoWeekStartHour(week);
  } catch {
    return fail(`--week ${week} does not exist`);
  }

  const opened = openOrExplain(values.db);
  if (typeof opened === 'string') return fail(opened);
  const { stats } = opened;
  try {
    const rules = loadRules();
    const guildKey = values.guild === undefined ? null : stats.guildKeyOf(values.guild);
    const digest = await composeDigest(stats, rules, week, guildKey, { chart: false });
    if (values.chart) {
      const png = await renderChartPng(digest.svg);
      if (png) writeFileSync(values.chart, png);
      else process.stderr.write('gaibu-guard: the chart could not be rendered here (Japanese font or renderer missing); the text has bars instead\n');
    }
    if (format.data === 'json') process.stdout.write(`${JSON.stringify(digest.data, null, 2)}\n`);
    else process.stdout.write(`${digest.text}\n`);
    return 0;
  } finally {
    stats.close();
  }
}
