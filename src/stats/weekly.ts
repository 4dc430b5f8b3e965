// One week's digest from the store: counts → DigestData → text, SVG and (when possible) PNG.
// Used by the scheduler, /digest-admin preview and `gaibu-guard digest`, so all three agree.
import type { RuleSet } from '../detector/rules.ts';
import { digestChartSvg, renderChartPng } from './chart.ts';
import { buildDigest, renderDigestText, ruleInfo, type DigestData, type RuleInfo } from './digest.ts';
import type { CommunityStats, GuildKey } from './store.ts';
import { isoWeekStartHour, shiftWeek, WEEK_HOURS, weekRelation, type IsoWeek } from './time.ts';

export interface DigestOutput {
  data: DigestData;
  text: string;
  svg: string;
  /** The chart as PNG, or null when it could not be rendered (the text has bars anyway). */
  png: Buffer | null;
}

const infoCache = new WeakMap<RuleSet, Map<string, RuleInfo>>();

export function ruleInfoOf(rules: RuleSet): Map<string, RuleInfo> {
  let info = infoCache.get(rules);
  if (!info) {
    info = ruleInfo(rules);
    infoCache.set(rules, info);
  }
  return info;
}

export interface DigestOptions {
  /** When the digest is made: the week is 今週 only if it contains this moment. Default: now. */
  now?: Date;
  /** The server's display name, for a server-scope digest, where known. */
  serverName?: string | null;
}

/** The numbers of one ISO week, for every check (guildKey null) or one server. */
export function weekDigestData(stats: CommunityStats, rules: RuleSet, week: IsoWeek, guildKey: GuildKey | null, opts: DigestOptions = {}): DigestData {
  const start = isoWeekStartHour(week);
  const previousWeek = shiftWeek(week, -1);
  return buildDigest({
    week,
    previousWeek,
    scope: guildKey === null ? 'all' : 'server',
    current: stats.counts(guildKey, start, start + WEEK_HOURS),
    previous: stats.counts(guildKey, start - WEEK_HOURS, start),
    rules: ruleInfoOf(rules),
    relative: weekRelation(week, opts.now ?? new Date()),
    serverName: opts.serverName ?? null,
  });
}

export async function composeDigest(
  stats: CommunityStats,
  rules: RuleSet,
  week: IsoWeek,
  guildKey: GuildKey | null,
  opts: DigestOptions & { chart?: boolean } = {},
): Promise<DigestOutput> {
  const data = weekDigestData(stats, rules, week, guildKey, opts);
  const svg = digestChartSvg(data);
  const png = opts.chart === false || data.total < data.minCount ? null : await renderChartPng(svg);
  return { data, text: renderDigestText(data), svg, png };
}
