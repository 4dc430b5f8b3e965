// Reply bodies of /stats, /privacy and /digest-admin as plain functions (unit-tested without
// Discord); commands/*.ts only read options, check permissions and send what these return.
import type { RuleSet } from '../detector/rules.ts';
import { CATEGORY_IDS, LEVELS, PLATFORMS, TOOL_IDS, type Category, type Level, type Platform, type Tool } from '../detector/types.ts';
import { copy } from '../reply/copy.ts';
import type { Bilingual, Locale } from '../reply/copy-types.ts';
import { foldRanked, type RankedItem } from './digest.ts';
import { adminCopy, countText, countTextEn, MIN_COUNT, OTHER_LABEL, privacyCopy, statsCopy, toolLabel } from './digest-copy.ts';
import type { CommunityStats, DigestScope, GuildKey } from './store.ts';
import { hourOf, lastCompleteWeek } from './time.ts';
import { composeDigest, type DigestOutput } from './weekly.ts';

export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_HOURS: Record<Period, number> = { week: 7 * 24, month: 30 * 24 };
export const SCOPES = ['server', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export interface StatsSummary {
  period: Period;
  scope: Scope;
  fromHour: number;
  toHour: number;
  total: number;
  prevTotal: number;
  levels: { level: Level; n: number; prev: number }[];
  categories: RankedItem<Category>[];
  tools: RankedItem<Tool>[];
  platforms: RankedItem<Platform>[];
}

/** Counts of the last 7 or 30 days (whole hours up to now) against the same span before. */
export function statsSummary(stats: CommunityStats, q: { period: Period; guildKey: GuildKey | null; now: Date; locale?: Locale }): StatsSummary {
  const locale = q.locale ?? 'ja';
  const span = PERIOD_HOURS[q.period];
  const to = hourOf(q.now) + 1;
  const cur = stats.counts(q.guildKey, to - span, to);
  const prev = stats.counts(q.guildKey, to - 2 * span, to - span);
  const other = OTHER_LABEL[locale];
  const enough = cur.total >= MIN_COUNT;
  return {
    period: q.period,
    scope: q.guildKey === null ? 'all' : 'server',
    fromHour: to - span,
    toHour: to,
    total: cur.total,
    prevTotal: prev.total,
    levels: [...LEVELS].reverse().map((l) => ({ level: l, n: cur.level[l], prev: prev.level[l] })),
    categories: enough ? foldRanked(CATEGORY_IDS, cur.category, prev.category, (id) => copy.categoryLabel[id][locale], MIN_COUNT, other) : [],
    tools: enough ? foldRanked(TOOL_IDS, cur.tool, prev.tool, (id) => toolLabel[id][locale], MIN_COUNT, other) : [],
    platforms: enough ? foldRanked(PLATFORMS, cur.platform, prev.platform, (id) => copy.platformLabel[id][locale], MIN_COUNT, other) : [],
  };
}

const LEVEL_ICON: Record<Level, string> = { high: '🔴', medium: '🟠', low: '🟡', none: '🟢' };

function rankedLines<Id extends string>(rows: RankedItem<Id>[], locale: Locale): string[] {
  const count = locale === 'ja' ? countText : countTextEn;
  if (rows.length === 0) return [statsCopy.none[locale]];
  return rows.map((r) =>
    r.id === null
      ? `・${r.label} ${count(r.n)}`
      : locale === 'ja'
        ? `・${r.label} ${count(r.n)}（前 ${count(r.prev)}）`
        : `- ${r.label}: ${count(r.n)} (before: ${count(r.prev)})`,
  );
}

/** The /stats message body for a summary, with any notes (opted out, digest problem) on top. */
export function renderStats(s: StatsSummary, locale: Locale, notes: Bilingual[] = []): string {
  const period = s.period === 'week' ? statsCopy.periodWeek : statsCopy.periodMonth;
  const scope = s.scope === 'server' ? statsCopy.scopeServer : statsCopy.scopeAll;
  const out: string[] = notes.map((n) => n[locale]);
  if (out.length > 0) out.push('');
  out.push(`**${statsCopy.heading(period, scope)[locale]}**`);
  out.push(statsCopy.total(s.total, s.prevTotal)[locale]);
  if (s.total < MIN_COUNT) {
    out.push(statsCopy.tooFew[locale], '', statsCopy.footer[locale]);
    return out.join('\n');
  }
  const count = locale === 'ja' ? countText : countTextEn;
  out.push('', `**${statsCopy.levels[locale]}**`);
  out.push(s.levels.map((l) => `${LEVEL_ICON[l.level]} ${copy.levelLabel[l.level][locale]} ${count(l.n)}`).join(locale === 'ja' ? ' ／ ' : ' / '));
  out.push('', `**${statsCopy.categories[locale]}**`, ...rankedLines(s.categories, locale));
  out.push('', `**${statsCopy.tools[locale]}**`, ...rankedLines(s.tools, locale));
  out.push('', `**${statsCopy.platforms[locale]}**`, ...rankedLines(s.platforms, locale));
  out.push('', statsCopy.footer[locale]);
  return out.join('\n');
}

export interface StatsRequest {
  period: Period;
  scope: Scope;
  /** Raw guild id of the interaction (hashed here, never stored raw); null outside a server. */
  guildId: string | null;
  /** The member may manage the server: pending digest problems are shown (once) to them. */
  isAdmin: boolean;
  now: Date;
  locale: Locale;
}

/** Everything /stats answers. */
export function statsReply(stats: CommunityStats, req: StatsRequest): string {
  const notes: Bilingual[] = [];
  const guildKey = req.guildId ? stats.guildKeyOf(req.guildId) : null;
  let scopeKey: GuildKey | null = null;
  if (req.scope === 'server') {
    if (!guildKey) notes.push(statsCopy.noServer);
    else if (stats.isOptedOut(guildKey)) notes.push(statsCopy.optedOut);
    else scopeKey = guildKey;
  }
  if (guildKey && req.isAdmin) {
    const problem = stats.takeDigestProblem(guildKey);
    if (problem) notes.unshift(statsCopy.digestProblem(problem.problem, problem.week));
  }
  return renderStats(statsSummary(stats, { period: req.period, guildKey: scopeKey, now: req.now, locale: req.locale }), req.locale, notes);
}

export function privacyReply(locale: Locale): string {
  return privacyCopy.body[locale];
}

// ---- /digest-admin ------------------------------------------------------------------------------

const scopeLabel = (s: DigestScope): Bilingual => (s === 'all' ? statsCopy.scopeAll : statsCopy.scopeServer);

export function adminSetChannel(
  stats: CommunityStats,
  a: { guildId: string; channelId: string; scope: DigestScope; now: Date; cron: string; locale: Locale },
): string {
  stats.setDigestChannel(stats.guildKeyOf(a.guildId), a.channelId, a.scope, a.now);
  return adminCopy.channelSet(a.channelId, scopeLabel(a.scope), adminCopy.schedule(a.cron)[a.locale])[a.locale];
}

export function adminClearChannel(stats: CommunityStats, a: { guildId: string; locale: Locale }): string {
  stats.clearDigestChannel(stats.guildKeyOf(a.guildId));
  return adminCopy.channelCleared[a.locale];
}

export function adminOptOut(stats: CommunityStats, a: { guildId: string; locale: Locale }): string {
  const purged = stats.optOut(stats.guildKeyOf(a.guildId));
  return adminCopy.optedOut(purged.checks)[a.locale];
}

export function adminOptIn(stats: CommunityStats, a: { guildId: string; locale: Locale }): string {
  stats.optIn(stats.guildKeyOf(a.guildId));
  return adminCopy.optedIn[a.locale];
}

export function adminStatus(stats: CommunityStats, a: { guildId: string; cron: string; locale: Locale }): string {
  const s = stats.settings(stats.guildKeyOf(a.guildId));
  return adminCopy.statusText({
    channel: s.channelId,
    scope: scopeLabel(s.scope),
    optedOut: s.optedOut,
    lastWeek: s.lastWeek,
    cron: adminCopy.schedule(a.cron)[a.locale],
  })[a.locale];
}

/** The digest this server would get for the last complete week, built now (nothing is posted). */
export async function adminPreview(
  stats: CommunityStats,
  rules: RuleSet,
  a: { guildId: string; now: Date; chart?: boolean; serverName?: string | null },
): Promise<DigestOutput> {
  const key = stats.guildKeyOf(a.guildId);
  const s = stats.settings(key);
  return composeDigest(stats, rules, lastCompleteWeek(a.now), s.scope === 'server' ? key : null, { chart: a.chart ?? true, now: a.now, serverName: a.serverName ?? null });
}

/** Splits a message at line breaks into parts of at most `max` characters (Discord: 2000). */
export function splitForDiscord(text: string, max = 2000): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? (line.match(new RegExp(`[\\s\\S]{1,${max}}`, 'g')) ?? []) : [line];
    for (const p of pieces) {
      if (cur.length === 0) cur = p;
      else if (cur.length + 1 + p.length <= max) cur += `\n${p}`;
      else {
        parts.push(cur);
        cur = p;
      }
    }
  }
  if (cur.length > 0 || parts.length === 0) parts.push(cur);
  return parts;
}
